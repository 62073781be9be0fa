from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from . import dashboard as dashboard_panels
from .forms import CertificateNameForm
from .mfa import mfa_needed_for, user_has_mfa
from .services import certificate_name_set


@login_required
def dashboard(request):
    """Where every signed-in user lands: one section for each role they hold, each a to-do
    list made of the panels other apps register (``accounts.dashboard``)."""
    user = request.user
    memberships = user.memberships.select_related("organisation")
    needs_mfa = mfa_needed_for(user) and not user_has_mfa(user)
    return render(
        request,
        "accounts/dashboard.html",
        {
            "memberships": memberships,
            "needs_mfa": needs_mfa,
            "panels": dashboard_panels.panels_for(request),
        },
    )


@login_required
def certificate_name(request):
    """The signed-in person corrects the name printed on their certificates (only their own)."""
    user = request.user
    if request.method == "POST":
        form = CertificateNameForm(request.POST)
        if form.is_valid():
            certificate_name_set(user=user, name=form.cleaned_data["certificate_name"])
            messages.success(
                request,
                f"Your certificates will show the name \u201c{user.name_for_certificate()}\u201d.",
            )
            return redirect("certificate_name")
        status = 400
    else:
        form = CertificateNameForm(initial={"certificate_name": user.name_for_certificate()})
        status = 200
    return render(request, "accounts/certificate_name.html", {"form": form}, status=status)
