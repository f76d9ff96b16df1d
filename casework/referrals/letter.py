"""The printable referral letter (PDF), in the language of the page that asked for it.

fpdf2 with DejaVu Sans, vendored in ./data (Greek glyphs on any machine, no system font).
The letter is what the person carries to the service: it names them, so it is produced
only for staff who reach the person, and the download is audited by the caller.
"""

from __future__ import annotations

from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext as _
from fpdf import FPDF

from casework.models import Referral

FONTS = Path(__file__).resolve().parent / "data"


def _date(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def referral_letter(referral: Referral, *, centre_name: str) -> bytes:
    person = referral.beneficiary
    pdf = FPDF(format="A4")
    pdf.set_title(_("Referral letter"))
    pdf.set_creator("Kentro")
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    width = pdf.epw

    pdf.set_font("DejaVu", "B", 11)
    pdf.multi_cell(width, 6, centre_name, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    pdf.multi_cell(
        width,
        6,
        _("Date: %(date)s") % {"date": _date(referral.sent_at or timezone.now())},
        new_x="LMARGIN",
        new_y="NEXT",
        align="R",
    )
    pdf.ln(4)
    pdf.set_font("DejaVu", "B", 15)
    pdf.multi_cell(width, 9, _("Referral letter"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)

    def row(label: str, value: str) -> None:
        if not value:
            return
        pdf.set_font("DejaVu", "B", 10)
        pdf.multi_cell(width, 6, label, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 10)
        pdf.multi_cell(width, 6, value, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)

    row(_("To"), " — ".join(filter(None, [referral.service_name, referral.organization_name])))
    row(_("Person referred"), person.full_name)
    row(_("Date of birth"), _date(person.birth_date))
    row(_("Phone"), person.phone)
    row(_("Urgency"), str(referral.get_urgency_display()))
    row(_("Reason for the referral"), referral.reason)
    documents = [
        f"{document.get_doc_type_display()} ({document.original_name})"
        for document in referral.documents.all()
    ]
    row(_("Documents attached"), "\n".join(documents))
    row(_("Follow-up date"), _date(referral.follow_up_on))
    row(
        _("Referred by"),
        referral.created_by.get_full_name() or referral.created_by.email,
    )
    pdf.ln(6)
    pdf.set_font("DejaVu", "", 9)
    pdf.multi_cell(
        width,
        5,
        _(
            "Please tell the referring centre whether you could help: this referral is followed "
            "up on the date above."
        ),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    return bytes(pdf.output())
