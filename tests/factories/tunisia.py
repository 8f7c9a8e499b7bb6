"""A small Faker provider for Tunisia (Faker has no Tunisian locale): names in Latin and
Arabic script and +216 phone numbers."""

from faker.providers import BaseProvider

# (Latin, Arabic) pairs, as they appear on Tunisian identity cards.
FIRST_NAMES = [
    ("Mohamed", "محمد"),
    ("Ahmed", "أحمد"),
    ("Ali", "علي"),
    ("Youssef", "يوسف"),
    ("Hamza", "حمزة"),
    ("Karim", "كريم"),
    ("Sami", "سامي"),
    ("Walid", "وليد"),
    ("Bilel", "بلال"),
    ("Anis", "أنيس"),
    ("Fatma", "فاطمة"),
    ("Amel", "أمل"),
    ("Sonia", "سنية"),
    ("Ines", "إيناس"),
    ("Mariem", "مريم"),
    ("Nour", "نور"),
    ("Salma", "سلمى"),
    ("Rim", "ريم"),
    ("Khadija", "خديجة"),
    ("Asma", "أسماء"),
]
LAST_NAMES = [
    ("Ben Salah", "بن صالح"),
    ("Trabelsi", "الطرابلسي"),
    ("Jlassi", "الجلاصي"),
    ("Gharbi", "الغربي"),
    ("Hammami", "الحمامي"),
    ("Bouazizi", "البوعزيزي"),
    ("Mejri", "الماجري"),
    ("Ayari", "العياري"),
    ("Dridi", "الدريدي"),
    ("Chaabane", "شعبان"),
    ("Ben Ammar", "بن عمار"),
    ("Khelifi", "الخليفي"),
    ("Sassi", "الساسي"),
    ("Zouari", "الزواري"),
    ("Masmoudi", "المصمودي"),
    ("Ferchichi", "الفرشيشي"),
]
MOBILE_PREFIXES = ["2", "4", "5", "9"]


class TunisiaProvider(BaseProvider):
    def tn_first_name(self) -> str:
        return self.random_element(FIRST_NAMES)[0]

    def tn_last_name(self) -> str:
        return self.random_element(LAST_NAMES)[0]

    def tn_full_name_ar(self) -> str:
        return f"{self.random_element(FIRST_NAMES)[1]} {self.random_element(LAST_NAMES)[1]}"

    def tn_mobile(self) -> str:
        digits = "".join(str(self.random_digit()) for _ in range(7))
        return f"+216 {self.random_element(MOBILE_PREFIXES)}{digits[0]} {digits[1:4]} {digits[4:]}"
