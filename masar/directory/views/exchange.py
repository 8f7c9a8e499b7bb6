"""Import and export of the directory, on the web.

Import (directory managers): upload → dry run → report → "apply" re-submits the same file,
kept meanwhile outside the web root (``MASAR_IMPORT_DIR``, default ``var/imports``) under a
random name and named by a signed token (user, format, options, SHA-256; valid one hour).

Export: published services for every directory editor (Perm.EDIT_OWN_SERVICES); the whole
directory, drafts included, for directory managers (Perm.MANAGE_DIRECTORY).
"""

import hashlib
import time
import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.core import signing
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from masar.accounts.policy import Perm, has_perm
from masar.core.permissions import policy_required
from masar.directory.exchange import exporter, importer
from masar.directory.exchange.safety import WEB_LIMITS

TOKEN_SALT = "masar.directory.exchange.import"  # noqa: S105 — a signing salt, not a secret
TOKEN_MAX_AGE = 3600
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def import_dir() -> Path:
    path = Path(getattr(settings, "MASAR_IMPORT_DIR", settings.VAR_DIR / "imports"))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def _purge_old_uploads(directory: Path) -> None:
    cutoff = time.time() - 24 * 3600
    for item in directory.glob("*.upload"):
        if item.stat().st_mtime < cutoff:
            item.unlink(missing_ok=True)


class _StyledForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            css = (
                "form-check-input"
                if isinstance(widget, forms.CheckboxInput)
                else "form-select"
                if isinstance(widget, forms.Select)
                else "form-control"
            )
            widget.attrs.setdefault("class", css)


class ImportForm(_StyledForm):
    file = forms.FileField(label=gettext_lazy("File"))
    format = forms.ChoiceField(
        label=gettext_lazy("Format"),
        required=False,
        choices=[
            ("", gettext_lazy("Recognise from the file")),
            ("json", gettext_lazy("HSDS 3 JSON")),
            ("csv-zip", gettext_lazy("HSDS tabular form (zip of CSV files)")),
            ("xlsx", gettext_lazy("Field survey sheet (XLSX)")),
        ],
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the texts (when the file does not say)"),
        choices=settings.LANGUAGES,
        initial="fr",
    )
    all_or_nothing = forms.BooleanField(
        label=gettext_lazy("All or nothing: import nothing if any row is refused"),
        required=False,
        initial=True,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > WEB_LIMITS.max_bytes:
            raise forms.ValidationError(
                _("The file is too large (at most %(max)s MB).")
                % {"max": WEB_LIMITS.max_bytes // 1024 // 1024}
            )
        return upload


@require_http_methods(["GET", "POST"])
@policy_required(Perm.MANAGE_DIRECTORY)
def import_upload(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read(WEB_LIMITS.max_bytes + 1)
        fmt = form.cleaned_data["format"] or importer.detect_format(upload.name, data)
        lang = form.cleaned_data["language"]
        all_or_nothing = form.cleaned_data["all_or_nothing"]
        report = importer.import_directory(
            actor=request.user,
            data=data,
            fmt=fmt,
            lang=lang,
            dry_run=True,
            all_or_nothing=all_or_nothing,
            limits=WEB_LIMITS,
        )
        token = ""
        if report.ok and not report.file_error:
            directory = import_dir()
            _purge_old_uploads(directory)
            name = uuid.uuid4().hex
            (directory / f"{name}.upload").write_bytes(data)
            token = signing.dumps(
                {
                    "n": name,
                    "u": request.user.pk,
                    "f": fmt,
                    "l": lang,
                    "a": all_or_nothing,
                    "h": hashlib.sha256(data).hexdigest(),
                    "o": upload.name[:120],
                },
                salt=TOKEN_SALT,
            )
        return render(
            request,
            "directory/exchange/import_report.html",
            {
                "report": report,
                "token": token,
                "filename": upload.name,
                "idempotency_key": uuid.uuid4().hex,
            },
        )
    status = 400 if request.method == "POST" else 200
    return render(request, "directory/exchange/import.html", {"form": form}, status=status)


@require_POST
@policy_required(Perm.MANAGE_DIRECTORY)
def import_apply(request):
    try:
        ticket = signing.loads(
            request.POST.get("token", ""), salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE
        )
    except signing.BadSignature:
        return _expired(request)
    if ticket.get("u") != request.user.pk:
        raise Http404
    path = import_dir() / f"{ticket['n']}.upload"
    if not path.is_file():
        return _expired(request)
    data = path.read_bytes()
    path.unlink(missing_ok=True)
    if hashlib.sha256(data).hexdigest() != ticket["h"]:
        return _expired(request)
    report = importer.import_directory(
        actor=request.user,
        data=data,
        fmt=ticket["f"],
        lang=ticket["l"],
        dry_run=False,
        all_or_nothing=ticket["a"],
        limits=WEB_LIMITS,
    )
    return render(
        request,
        "directory/exchange/import_report.html",
        {"report": report, "token": "", "filename": ticket.get("o", "")},
    )


def _expired(request):
    return render(
        request,
        "directory/exchange/import.html",
        {
            "form": ImportForm(),
            "error": _("This import has expired or was already applied; upload the file again."),
        },
        status=400,
    )


class ExportForm(_StyledForm):
    format = forms.ChoiceField(
        label=gettext_lazy("Format"),
        choices=[
            ("hsds-json", gettext_lazy("HSDS 3 JSON")),
            ("xlsx", gettext_lazy("Spreadsheet (XLSX)")),
        ],
    )
    scope = forms.ChoiceField(label=gettext_lazy("Services"))
    language = forms.ChoiceField(
        label=gettext_lazy("Language"), choices=settings.LANGUAGES, initial="fr"
    )
    translations = forms.BooleanField(
        label=gettext_lazy("Include all three languages (Masar extension, for re-import)"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, can_export_all=False, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("published", _("Published services (as the public sees them)"))]
        if can_export_all:
            choices.append(("all", _("All services, drafts and submitted ones included")))
        self.fields["scope"].choices = choices


@require_GET
@policy_required(Perm.EDIT_OWN_SERVICES)
def export(request):
    can_export_all = has_perm(request.user, Perm.MANAGE_DIRECTORY)
    form = ExportForm(
        request.GET if "format" in request.GET else None, can_export_all=can_export_all
    )
    if not form.is_bound or not form.is_valid():
        status = 400 if form.is_bound else 200
        return render(request, "directory/exchange/export.html", {"form": form}, status=status)
    fmt, scope, lang = (form.cleaned_data[k] for k in ("format", "scope", "language"))
    services = exporter.services_for_export(scope)
    exporter.record_export(
        actor=request.user, fmt=fmt, scope=scope, lang=lang, count=services.count()
    )
    stamp = timezone.localdate().strftime("%Y%m%d")
    if fmt == "xlsx":
        return FileResponse(
            exporter.write_xlsx(services, lang=lang),
            as_attachment=True,
            filename=f"masar-directory-{scope}-{stamp}.xlsx",
            content_type=XLSX_TYPE,
        )
    response = StreamingHttpResponse(
        exporter.iter_hsds_json(
            services,
            lang=lang,
            translations=form.cleaned_data["translations"],
            with_assurer=scope == "all",
        ),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="masar-directory-{scope}-{lang}-{stamp}.json"'
    )
    return response


@require_GET
@policy_required(Perm.EDIT_OWN_SERVICES)
def survey_template(request):
    return FileResponse(
        exporter.survey_template(),
        as_attachment=True,
        filename="masar-survey-template.xlsx",
        content_type=XLSX_TYPE,
    )
