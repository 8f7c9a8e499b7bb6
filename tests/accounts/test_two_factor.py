"""Two-factor authentication: enrolment forced at first sign-in, then a code each time."""

from django_otp.plugins.otp_totp.models import TOTPDevice

from masar.accounts.views.otp import SETUP_KEY
from masar.audit.models import AuditAction

from .helpers import code_for, events, sign_in


def _device(user):
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def test_otp_setup_is_forced_at_first_sign_in(persona):
    user = persona("conseiller.sfax")
    client, response = sign_in(user)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/otp/setup/")
    # Any other page sends the person back to enrolment.
    response = client.get("/accounts/users/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/otp/setup/")
    response = client.get("/accounts/otp/setup/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and 'data-testid="otp-secret"' in html
    assert "<script" not in html.split("</head>", 1)[1]


def test_otp_setup_confirms_the_device_and_verifies_the_session(persona):
    user = persona("conseiller.sfax")
    client, _response = sign_in(user)
    client.get("/accounts/otp/setup/")
    key = client.session[SETUP_KEY]
    response = client.post(
        "/accounts/otp/setup/?next=/accounts/profile/", {"otp_token": code_for(key)}
    )
    assert response.status_code == 302 and response["Location"] == "/accounts/profile/"
    device = TOTPDevice.objects.get(user=user)
    assert device.confirmed and device.key == key
    assert events(AuditAction.OTP_ENROLLED, actor_id=user.pk).count() == 1
    assert client.get("/accounts/profile/").status_code == 200
    assert SETUP_KEY not in client.session


def test_otp_setup_refuses_a_wrong_code(persona):
    user = persona("conseiller.sfax")
    client, _response = sign_in(user)
    client.get("/accounts/otp/setup/")
    key = client.session[SETUP_KEY]
    wrong = f"{(int(code_for(key)) + 1) % 1_000_000:06d}"
    response = client.post("/accounts/otp/setup/", {"otp_token": wrong})
    assert response.status_code == 200
    assert response.context["form"].errors["otp_token"]
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert events(AuditAction.OTP_FAILED, actor_id=user.pk).count() == 1


def test_otp_setup_rejects_malformed_input_without_a_500(persona):
    client, _response = sign_in(persona("conseiller.sfax"))
    client.get("/accounts/otp/setup/")
    for token in ("", "abcdef", "1234567890", "12 34"):
        response = client.post("/accounts/otp/setup/", {"otp_token": token})
        assert response.status_code == 200 and response.context["form"].errors


def test_otp_setup_cannot_replace_a_device_with_the_password_alone(persona):
    user = persona("conseiller.sfax")
    device = _device(user)
    client, response = sign_in(user)
    assert response["Location"].startswith("/accounts/otp/verify/")
    response = client.get("/accounts/otp/setup/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/otp/verify/")
    response = client.post("/accounts/otp/setup/", {"otp_token": "123456"})
    assert response.status_code == 302
    assert list(TOTPDevice.objects.filter(user=user)) == [device]


def test_otp_verify_accepts_the_current_code(persona):
    user = persona("conseiller.sfax")
    device = _device(user)
    client, _response = sign_in(user)
    response = client.post(
        "/accounts/otp/verify/?next=/accounts/users/", {"otp_token": code_for(device.key)}
    )
    assert response.status_code == 302 and response["Location"] == "/accounts/users/"
    assert client.get("/accounts/profile/").status_code == 200


def test_otp_verify_refuses_a_wrong_code_and_audits_it(persona):
    user = persona("conseiller.sfax")
    device = _device(user)
    client, _response = sign_in(user)
    wrong = f"{(int(code_for(device.key)) + 1) % 1_000_000:06d}"
    response = client.post("/accounts/otp/verify/", {"otp_token": wrong})
    assert response.status_code == 200
    assert response.context["form"].errors["otp_token"]
    assert events(AuditAction.OTP_FAILED, actor_id=user.pk).count() == 1
    # Still not verified: other pages send back to the code.
    response = client.get("/accounts/profile/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/otp/verify/")


def test_otp_verify_is_throttled_after_a_failure(persona):
    user = persona("conseiller.sfax")
    device = _device(user)
    client, _response = sign_in(user)
    wrong = f"{(int(code_for(device.key)) + 1) % 1_000_000:06d}"
    client.post("/accounts/otp/verify/", {"otp_token": wrong})
    # Right away, even the right code waits: django-otp doubles the delay after each failure.
    response = client.post("/accounts/otp/verify/", {"otp_token": code_for(device.key)})
    assert response.status_code == 200
    assert "Trop de codes erronés" in str(response.context["form"].errors["otp_token"])
    device.refresh_from_db()
    assert device.throttling_failure_count == 1


def test_otp_verify_refuses_a_code_used_twice(persona):
    user = persona("conseiller.sfax")
    device = _device(user)
    code = code_for(device.key)
    first, _r = sign_in(user)
    assert first.post("/accounts/otp/verify/", {"otp_token": code}).status_code == 302
    second, _r = sign_in(user)
    assert second.post("/accounts/otp/verify/", {"otp_token": code}).status_code == 200


def test_otp_verify_without_a_device_goes_to_setup(persona):
    client, _response = sign_in(persona("conseiller.sfax"))
    response = client.get("/accounts/otp/verify/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/otp/setup/")


def test_two_factor_not_required_for_roles_without_personal_data(persona):
    client, response = sign_in(persona("onm"))
    assert response["Location"] == "/"
    assert client.get("/accounts/institutions/").status_code == 200


def test_two_factor_relaxed_in_demo_mode(persona, settings):
    settings.MASAR_DEMO_RELAX_2FA = True
    client, response = sign_in(persona("conseiller.sfax"))
    assert response["Location"] == "/"
    assert client.get("/accounts/profile/").status_code == 200
