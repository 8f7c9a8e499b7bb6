import pytest

from masar.geo.names import locality_part, locality_part_ar, title_fr, without_qualifier


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("LA MARSA", "La Marsa"),
        ("SIDI BOU SAID", "Sidi Bou Said"),
        ("EL OMRANE SUPERIEUR", "El Omrane Supérieur"),
        ("BEJA NORD", "Béja Nord"),
        ("Cite De L'Aeroport", "Cité de l'Aéroport"),
        ("Cite De La Gare", "Cité de la Gare"),
        ("Cite Ibn Khaldoun Vi", "Cité Ibn Khaldoun VI"),
        ("Taieb El M'Hiri", "Taieb El M'Hiri"),
        ("Ali Bach-Hamba", "Ali Bach-Hamba"),
        ("Ferme NÂ¦7", "Ferme N°7"),
        ("Maakel EzzaÂ¤M", "Maakel Ezzaïm"),
        ("Ghars  Mrad", "Ghars Mrad"),
        ("Cite El Moustakbel (la Marsa)", "Cité El Moustakbel (La Marsa)"),
    ],
)
def test_title_fr_writes_french_display_names(raw, expected):
    assert title_fr(raw) == expected


def test_locality_part_takes_the_locality_after_its_delegation():
    assert locality_part("LA SOUKRA (Cite Ezzitoun 1)", "LA SOUKRA") == "Cite Ezzitoun 1"
    assert locality_part("EZZOUHOUR  (TUNIS) (Cite Essaada)", "EZZOUHOUR  (TUNIS)") == (
        "Cite Essaada"
    )
    assert locality_part("HEZOUA", "HEZOUA") == "HEZOUA"
    assert without_qualifier("EZZOUHOUR  (KASSERINE)") == "EZZOUHOUR"


def test_locality_part_ar_takes_the_last_group():
    assert locality_part_ar("سكرة (حي الزيتون 1)", has_part=True, delegation_ar="سكرة") == (
        "حي الزيتون 1"
    )
    assert locality_part_ar("حزوة", has_part=False, delegation_ar="حزوة") == "حزوة"
