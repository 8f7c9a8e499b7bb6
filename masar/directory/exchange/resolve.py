"""Turning what a file names (codes or names in any of our languages) into our records:
governorates, delegations, municipalities and taxonomy terms. Loaded once per import."""

from django.utils.translation import gettext as _

from masar.directory.models import TaxonomyTerm
from masar.directory.normalize import normalize_text
from masar.geo.models import Delegation, Governorate, Municipality

from .records import LocationIn, TermRef


class RowError(Exception):
    """A row cannot be imported; the messages are translated."""

    def __init__(self, *messages):
        super().__init__("; ".join(str(m) for m in messages))
        self.messages = [str(m) for m in messages]


def _key(text) -> str:
    return " ".join(normalize_text(str(text or "")).replace("-", " ").split())


def _names(obj) -> list[str]:
    return [obj.code, *(getattr(obj, f"name_{lang}", "") or "" for lang in ("fr", "ar", "en"))]


class Resolver:
    def __init__(self):
        self._governorates = None
        self._delegations = None
        self._municipalities = None
        self._terms = None

    # --- Territory ----------------------------------------------------------------------

    def _load_territory(self):
        self._governorates = {}
        for gov in Governorate.objects.all():
            for name in _names(gov):
                if name:
                    self._governorates.setdefault(_key(name), gov)
        self._delegations = {}
        for deleg in Delegation.objects.all():
            for name in _names(deleg):
                if name:
                    self._delegations.setdefault((deleg.governorate_id, _key(name)), deleg)
                    self._delegations.setdefault((None, _key(deleg.code)), deleg)
        self._municipalities = {}
        for mun in Municipality.objects.select_related("delegation"):
            for name in _names(mun):
                if name:
                    key = (mun.delegation.governorate_id, _key(name))
                    self._municipalities.setdefault(key, mun)
                    self._municipalities.setdefault((None, _key(mun.code)), mun)

    def territory(self, place: LocationIn) -> dict:
        """{"governorate": Governorate, "delegation": …, "municipality": …} or RowError;
        a level the file does not give is left out (unchanged)."""
        if self._governorates is None:
            self._load_territory()
        if not place.governorate.strip():
            raise RowError(_("The governorate of the place is missing."))
        gov = self._governorates.get(_key(place.governorate))
        if gov is None:
            raise RowError(
                _("Unknown governorate: “%(value)s”.") % {"value": place.governorate[:80]}
            )
        out = {"governorate": gov}
        if place.delegation is not None:
            out["delegation"] = None
        if place.municipality is not None:
            out["municipality"] = None
        if (place.delegation or "").strip():
            key = _key(place.delegation)
            deleg = self._delegations.get((gov.pk, key)) or self._delegations.get((None, key))
            if deleg is None and self._governorates.get(key) == gov:
                # HSDS "region" holding the governorate again (as our API writes it).
                out.pop("delegation", None)
            elif deleg is None or deleg.governorate_id != gov.pk:
                raise RowError(
                    _("Unknown delegation in %(governorate)s: “%(value)s”.")
                    % {"governorate": gov.name, "value": place.delegation[:80]}
                )
            else:
                out["delegation"] = deleg
        if (place.municipality or "").strip():
            key = _key(place.municipality)
            mun = self._municipalities.get((gov.pk, key)) or self._municipalities.get((None, key))
            if mun is None or mun.delegation.governorate_id != gov.pk:
                raise RowError(
                    _("Unknown municipality in %(governorate)s: “%(value)s”.")
                    % {"governorate": gov.name, "value": place.municipality[:80]}
                )
            out["municipality"] = mun
            if out.get("delegation") is None:
                out["delegation"] = mun.delegation
        return out

    # --- Taxonomies ---------------------------------------------------------------------

    def _load_terms(self):
        self._terms = {"id": {}, "code": {}}
        for term in TaxonomyTerm.objects.select_related("taxonomy"):
            self._terms["id"][str(term.pk)] = term
            self._terms["code"][(term.taxonomy.code, term.code)] = term
            self._terms["code"].setdefault(("", term.code), term)

    def terms(self, refs: list[TermRef]) -> tuple[list, list]:
        """(categories, audiences); every unknown code is named in one RowError."""
        if self._terms is None:
            self._load_terms()
        categories, audiences, unknown = [], [], []
        for ref in refs:
            term = self._terms["id"].get(str(ref.id)) if ref.id else None
            if term is None and ref.code:
                code = ref.code.strip().lower()
                taxonomy = ref.taxonomy if ref.taxonomy in ("needs", "audiences") else ""
                term = self._terms["code"].get((taxonomy, code))
            if term is None:
                unknown.append(ref.code or ref.id)
                continue
            target = categories if term.taxonomy.code == "needs" else audiences
            if term not in target:
                target.append(term)
        if unknown:
            raise RowError(
                _("Unknown category or audience code: %(codes)s.")
                % {"codes": ", ".join(f"“{c[:60]}”" for c in unknown)}
            )
        return categories, audiences
