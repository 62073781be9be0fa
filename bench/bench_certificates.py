"""Certificate rendering: one PDF beside a bare WeasyPrint page with the same fonts, the
memory of a worker process over 500 renders, and certificates rendered per minute.

Run: make bench   (or: .venv/bin/python bench/bench_certificates.py)
"""

import datetime
import time
from pathlib import Path

from harness import bench_database, median_ms, paired_medians_ms, print_table

RENDERS = 500
STATUS_LIST_CREDENTIALS = 100_000

BARE_HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "DejaVu Serif", serif; } .s { font-family: "DejaVu Sans", sans-serif; }
</style></head><body><h1>Certificate of credential</h1><p>This certifies that</p>
<p style="font-size: 28pt">A Holder</p><p class="s">PP-0000-0000-0 · 22 November 2026</p>
</body></html>"""


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def plain_weasyprint(html: str, css_path: Path, *, attachment: dict | None = None):
    """The same certificate through WeasyPrint alone, no Peerpath code: the same HTML, the
    same stylesheet parsed once, the same PDF/A-3b variant and tags and, given
    ``attachment`` (the keyword arguments of one ``weasyprint.Attachment``, its content
    already a ``data:`` URI), the same signed credential file embedded. Everything is made
    before the timing starts; what our render costs on top of it is our overhead (issue
    19: aim <= 1.15x)."""
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    css = weasyprint.CSS(filename=str(css_path), font_config=fonts)

    def render():
        # An Attachment's source is read once, so each PDF gets its own (from the same bytes).
        attachments = [weasyprint.Attachment(**attachment)] if attachment else None
        return weasyprint.HTML(string=html).write_pdf(
            stylesheets=[css],
            font_config=fonts,
            pdf_variant="pdf/a-3b",
            pdf_tags=True,
            attachments=attachments,
        )

    return render


def same_attachment(credential) -> dict:
    """The credential file our render embeds, signed once here, outside any timing: its
    bytes, name, media type, description, relationship and dates, as certificate_files()
    gives them to WeasyPrint."""
    import base64

    from django.utils import timezone

    from certificates.openbadges import JWT_MEDIA_TYPE, credential_jwt

    content = base64.b64encode(credential_jwt(credential).encode("ascii")).decode("ascii")
    now = timezone.now()
    return {
        "url": f"data:{JWT_MEDIA_TYPE};base64,{content}",
        "name": f"{credential.number}.jwt",
        "description": f"Credential {credential.number}: Open Badges 3.0, signed as a VC-JWT",
        "relationship": "Alternative",
        "created": now,
        "modified": now,
    }


def font_subsetter() -> str:
    from weasyprint.pdf import fonts

    if fonts.harfbuzz_subset:
        return "HarfBuzz"
    return "fontTools (about 20x slower: apt-get install libharfbuzz-subset0)"


def build():
    from django.contrib.auth import get_user_model

    from certificates.models import Credential, CredentialCycle
    from courses.models import Enrollment, ModulePage, RequirementProfile
    from organisations.models import Organisation
    from tests.builders import live_programme

    provider = Organisation.objects.create(name="Bench provider", slug="bench", kind="provider")
    profile = RequirementProfile.objects.create(name="Bench", practice_hours_total=500)
    programme = live_programme(
        organisation=provider, modules=2, lessons=1, slug="bench", requirement_profile=profile
    )
    # The modules the credential names, as issuing records them: its alignments are read
    # from them, one per competency domain.
    module_titles = list(
        ModulePage.objects.child_of(programme).order_by("path").values_list("title", flat=True)
    )
    User = get_user_model()
    holders = User.objects.bulk_create(
        User(email=f"h{i}@bench.example", first_name="Holder", last_name=f"Number {i}")
        for i in range(RENDERS)
    )
    enrollments = Enrollment.objects.bulk_create(
        Enrollment(trainee=h, programme=programme) for h in holders
    )
    today = datetime.date(2026, 11, 22)
    credentials = Credential.objects.bulk_create(
        Credential(
            holder=h,
            enrollment=e,
            programme=programme,
            issuer=provider,
            issued_on=today,
            expires_on=today + datetime.timedelta(days=730),
            achievement={
                "holder_name": h.get_full_name(),
                "programme": "Certified Peer Support Worker",
                "issuer": provider.name,
                "training_hours": "46",
                "practice_hours": "500",
                "modules": module_titles,
                "signing_coordinator": "Corinne Walsh",
            },
        )
        for h, e in zip(holders, enrollments, strict=True)
    )
    # A position in the status list: the signed credential the PDF embeds names it.
    CredentialCycle.objects.bulk_create(
        CredentialCycle(credential=credential, status_index=i)
        for i, credential in enumerate(credentials)
    )
    return credentials


def build_status_list_rows(template):
    """100,000 revoked credentials, one cycle each (revoked ones may share a holder and
    programme; a suspended one costs the list the same two bits)."""
    import random

    from certificates.models import Credential, CredentialCycle
    from certificates.statuslist import MIN_BITS

    positions = random.Random(11).sample(range(MIN_BITS), STATUS_LIST_CREDENTIALS)  # noqa: S311
    taken = set(CredentialCycle.objects.values_list("status_index", flat=True))
    positions = [position for position in positions if position not in taken]
    credentials = Credential.objects.bulk_create(
        (
            Credential(
                holder_id=template.holder_id,
                enrollment_id=template.enrollment_id,
                programme_id=template.programme_id,
                issuer_id=template.issuer_id,
                status=Credential.Status.REVOKED,
                issued_on=template.issued_on,
                expires_on=template.expires_on,
                achievement={},
            )
            for _ in positions
        ),
        batch_size=5_000,
    )
    CredentialCycle.objects.bulk_create(
        (
            CredentialCycle(credential=credential, status_index=position)
            for credential, position in zip(credentials, positions, strict=True)
        ),
        batch_size=5_000,
    )
    return Credential.objects.filter(status=Credential.Status.REVOKED).count()


def main():
    with bench_database():
        from django.conf import settings

        from certificates.openbadges import verification_url
        from certificates.services import certificate_html, certificate_render
        from core.pdf import html_to_pdf

        credentials = build()
        same_html = certificate_html(
            credentials[0], verify_url=verification_url(credentials[0].number)
        )
        css_path = Path(settings.BASE_DIR) / "templates" / "certificates" / "certificate.css"
        # Alternate the four, so that a busy machine slows all alike and the ratios hold.
        bare, html_only, plain, one = paired_medians_ms(
            lambda: html_to_pdf(BARE_HTML, pdf_variant="pdf/a-3b"),
            plain_weasyprint(same_html, css_path),
            plain_weasyprint(same_html, css_path, attachment=same_attachment(credentials[0])),
            lambda: certificate_render(credential_id=credentials[0].pk, force=True),
            runs=31,
        )
        memory = []
        start = time.perf_counter()
        for i, credential in enumerate(credentials, start=1):
            certificate_render(credential_id=credential.pk, force=True)
            if i in (1, 50, 100, 200, 300, 400, 500):
                memory.append((i, rss_mb()))
        elapsed = time.perf_counter() - start
        from certificates.openbadges import STATUS_PURPOSE
        from certificates.statuslist import status_list_jwt

        revoked = build_status_list_rows(credentials[0])
        rebuild = median_ms(lambda: status_list_jwt(STATUS_PURPOSE), runs=7, warmup=1)
        print_table(
            "Certificates: WeasyPrint PDF/A-3b, tagged, A4 landscape, QR code, signed credential "
            "embedded, stored in media storage",
            [
                (
                    "bare one-pager: WeasyPrint, a few lines, the same fonts, no image, no "
                    "attachment, untagged, median",
                    f"{bare:.0f} ms",
                ),
                (
                    "WeasyPrint alone: the same certificate HTML and parsed CSS, tagged, "
                    "nothing embedded, median",
                    f"{html_only:.0f} ms",
                ),
                (
                    "WeasyPrint alone: the same HTML, parsed CSS and signed-credential "
                    "attachment bytes, PDF/A-3b, tagged, median (the reference)",
                    f"{plain:.0f} ms",
                ),
                (
                    "one certificate: certificate_render (query, QR code, sign, render, "
                    "store), median",
                    f"{one:.0f} ms = {one / plain:.2f}x WeasyPrint alone with the same "
                    f"attachment; {one / bare:.2f}x the bare one-pager",
                ),
                (
                    "aims",
                    "within 1.5x of the bare one-pager; our overhead within 1.15x of "
                    "WeasyPrint alone with the same attachment: "
                    f"{'MET' if one / plain <= 1.15 else 'NOT MET'}",
                ),
                ("font subsetting", font_subsetter()),
                (
                    f"worker memory (RSS) over {RENDERS} renders",
                    ", ".join(f"{n}: {mb:.0f} MB" for n, mb in memory),
                ),
                ("certificates per minute, one process", f"{RENDERS / elapsed * 60:.0f}"),
                (
                    f"rebuild and sign the status list, 2 bits each ({revoked:,} revoked)",
                    f"{rebuild:.0f} ms",
                ),
            ],
        )


if __name__ == "__main__":
    main()
