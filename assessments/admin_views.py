from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from .forms import GiftUploadForm
from .services import GiftImportError, gift_import


def gift_upload(request):
    """Wagtail admin page: upload a Moodle GIFT file into the question bank."""
    if not request.user.has_perm("assessments.add_question"):
        raise PermissionDenied
    form = GiftUploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        upload = request.FILES["file"]
        try:
            report = gift_import(
                text=form.cleaned_data["file"],
                default_category=form.cleaned_data["category"],
                skip_unsupported=form.cleaned_data["skip_unsupported"],
                source=upload.name,
                organisation=form.cleaned_data["organisation"],
            )
        except GiftImportError as error:
            form.add_error(None, str(error))
        else:
            skipped = "; ".join(
                f"line {q.line}: {q.kind.replace('_', ' ')}" for q in report.skipped
            )
            messages.success(
                request,
                report.summary()
                + (f" Skipped {len(report.skipped)}: {skipped}." if skipped else ""),
            )
            return redirect("assessments_gift_upload")
    return render(request, "assessments/admin/gift_upload.html", {"form": form})
