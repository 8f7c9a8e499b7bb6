"""Eligibility rules for programmes, per rule set, that explain themselves.

Each rule looks at the person's record and answers passed or not, with the parameters its
explanation needs; ``explain`` words the answer in the reader's language ("Not eligible:
returned from a country outside the EU and Switzerland (Libya)."). The results are stored on
the enrolment as data, so the explanation follows the reader's language.

What the rules can check is what the record holds: a national identity card number (CIN,
held only by Tunisian nationals), the country returned from and the date of return.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..validators import country_name

# The European Union's 27 member states since 1 February 2020 (source: european-union.europa.eu,
# "EU countries"), as ISO 3166-1 alpha-2 codes, and Switzerland: the countries of return the
# Tounesna scheme and ProGreS Migration Tunisie serve (seed 004: "rentrés des États membres
# de l'UE ou de Suisse").
EU_MEMBER_STATES = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
    ]
)
TOUNESNA_COUNTRIES = EU_MEMBER_STATES | {"CH"}


@dataclass(frozen=True)
class Check:
    rule: str
    passed: bool
    params: dict

    def as_dict(self) -> dict:
        return {"rule": self.rule, "passed": self.passed, "params": self.params}


def tunisian_national(beneficiary) -> Check:
    return Check("tunisian_national", bool(beneficiary.cin), {})


def returned_from_eu_or_switzerland(beneficiary) -> Check:
    country = beneficiary.returned_from or ""
    return Check("returned_from_eu_ch", country in TOUNESNA_COUNTRIES, {"country": country})


def return_date_recorded(beneficiary) -> Check:
    date = beneficiary.return_date
    return Check(
        "return_date_recorded",
        date is not None,
        {"date": date.isoformat() if date else ""},
    )


RULE_SETS = {
    "tounesna": (tunisian_national, returned_from_eu_or_switzerland, return_date_recorded),
    "open": (tunisian_national, return_date_recorded),
}


def evaluate(rule_set: str, beneficiary) -> tuple[bool, list[Check]]:
    """(eligible, every rule's result). Eligible when every rule passes."""
    checks = [rule(beneficiary) for rule in RULE_SETS[rule_set]]
    return all(c.passed for c in checks), checks


def explain(check: dict) -> str:
    """One stored result, worded for the reader."""
    rule, passed, params = check["rule"], check["passed"], check.get("params") or {}
    if rule == "tunisian_national":
        if passed:
            return _("Eligible: a Tunisian national (identity card number recorded).")
        return _("Not eligible: no Tunisian identity card number (CIN) recorded.")
    if rule == "returned_from_eu_ch":
        country = params.get("country") or ""
        if passed:
            return _("Eligible: returned from %(country)s, in the EU or Switzerland.") % {
                "country": country_name(country)
            }
        if not country:
            return _("Not eligible: the country returned from is not recorded.")
        return _(
            "Not eligible: returned from a country outside the EU and Switzerland (%(country)s)."
        ) % {"country": country_name(country)}
    if rule == "return_date_recorded":
        if passed:
            return _("Eligible: date of return recorded (%(date)s).") % {"date": params["date"]}
        return _("Not eligible: the date of return is not recorded.")
    return rule
