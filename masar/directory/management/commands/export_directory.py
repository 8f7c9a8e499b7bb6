"""``manage.py export_directory --format hsds-json|xlsx -o FILE [--scope all|published]``

The whole directory (``--scope all``, the default for operators) or what the public sees.
Recorded in the audit trail as an export by the system.
"""

from pathlib import Path

from django.core.management.base import BaseCommand

from masar.directory.exchange import exporter


class Command(BaseCommand):
    help = "Export the directory as HSDS 3 JSON or XLSX."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=("hsds-json", "xlsx"), default="hsds-json")
        parser.add_argument("-o", "--output", required=True)
        parser.add_argument("--scope", choices=exporter.SCOPES, default="all")
        parser.add_argument("--language", choices=("fr", "ar", "en"), default="fr")
        parser.add_argument(
            "--no-translations",
            action="store_true",
            help="HSDS text in one language only, without the Masar translations extension.",
        )

    def handle(self, *args, **options):
        services = exporter.services_for_export(options["scope"])
        lang, fmt, scope = options["language"], options["format"], options["scope"]
        exporter.record_export(actor=None, fmt=fmt, scope=scope, lang=lang, count=services.count())
        output = Path(options["output"])
        if fmt == "xlsx":
            with output.open("wb") as handle:
                exporter.write_xlsx(services, lang=lang, file=handle)
        else:
            with output.open("w", encoding="utf-8") as handle:
                for chunk in exporter.iter_hsds_json(
                    services,
                    lang=lang,
                    translations=not options["no_translations"],
                    with_assurer=scope == "all",
                ):
                    handle.write(chunk)
        self.stdout.write(self.style.SUCCESS(f"Wrote {output}"))
