"""The demo's own content: the home page.

The programme, its modules, lessons and quizzes are the shipped curriculum (``curriculum/``
at the top of the repository), loaded by ``syllabus.loader`` as ``load_curriculum`` does.
"""
