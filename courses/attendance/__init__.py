"""Live sessions and their attendance: scheduling, the register, QR check-in, meeting-report
import, the attendance policy, the trainee's calendar feed and certificate of attendance.

Models live in ``courses.models.sessions``; services write, selectors read.
"""
