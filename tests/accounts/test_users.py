"""User management by institution administrators and system administrators."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from masar.accounts import actions
from masar.accounts.models import User
from masar.accounts.policy import Role
from masar.audit.models import AuditAction
from tests.factories import UserFactory

from .helpers import events


def _new_user_data(institution, **extra):
    return {
        "institution": institution.pk,
        "username": "nouveau.sfax",
        "first_name": "Amina",
        "last_name": "Trabelsi",
        "email": "amina@example.tn",
        "phone": "",
        "preferred_language": "",
        "roles": [Role.COUNSELLOR],
        **extra,
    }


def test_user_list_shows_own_institution_to_institution_admin(client_for, persona):
    persona("conseiller.sfax")
    persona("conseiller.tunis")
    response = client_for("admin.sfax").get("/accounts/users/")
    assert response.status_code == 200
    names = {u.username for u in response.context["page"].object_list}
    assert names == {"admin.sfax", "conseiller.sfax"}


def test_user_list_search_by_name_and_username(client_for, persona):
    persona("conseiller.tunis")
    UserFactory(
        username="z.ben.salah",
        first_name="Zied",
        last_name="Zarrouk",  # not among the generated persona names
        institution=persona.institution("ote-tunis"),
    )
    client = client_for("admin")
    found = {u.username for u in client.get("/accounts/users/?q=zarrouk").context["page"]}
    assert found == {"z.ben.salah"}
    found = {u.username for u in client.get("/accounts/users/?q=conseiller").context["page"]}
    assert found == {"conseiller.tunis"}


def test_user_list_query_count_does_not_grow_with_users(
    client_for, persona, django_assert_max_num_queries
):
    client = client_for("admin")
    for i in range(30):
        UserFactory(
            institution=persona.institution(f"ote-{'sfax' if i % 2 else 'tunis'}"),
            roles=[Role.COUNSELLOR, Role.MEDIATOR],
        )
    with django_assert_max_num_queries(9):
        response = client.get("/accounts/users/")
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 25


def test_user_list_is_refused_without_permission(client_for):
    assert client_for("conseiller.sfax").get("/accounts/users/").status_code == 403


def test_user_create_by_institution_admin_sends_the_invitation(client_for, persona):
    admin = persona("admin.sfax")
    client = client_for("admin.sfax")
    response = client.get("/accounts/users/new/")
    assert response.status_code == 200
    assert response.context["form"].fields["institution"].disabled
    assert 'name="idempotency_key"' in response.content.decode()
    response = client.post("/accounts/users/new/", _new_user_data(admin.institution))
    assert response.status_code == 302
    user = User.objects.get(username="nouveau.sfax")
    assert user.institution == admin.institution and user.role_names == [Role.COUNSELLOR]
    assert not user.has_usable_password()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["amina@example.tn"]
    assert "/accounts/password/reset/" in mail.outbox[0].body
    assert events(AuditAction.CREATE, object_type="accounts.user", object_id=str(user.pk)).exists()


def test_user_invitation_link_lets_the_person_choose_a_password(client_for, persona, client):
    admin = persona("admin.sfax")
    client_for("admin.sfax").post("/accounts/users/new/", _new_user_data(admin.institution))
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password/reset/" in line)
    path = link.split("testserver", 1)[1]
    response = client.get(path)  # redirects to the set-password form (token moved to session)
    assert response.status_code == 302
    new_password = "un-long-mot-de-passe-2025"
    response = client.post(
        response["Location"], {"new_password1": new_password, "new_password2": new_password}
    )
    assert response.status_code == 302
    assert User.objects.get(username="nouveau.sfax").check_password(new_password)


def test_user_create_institution_admin_cannot_choose_another_institution(client_for, persona):
    other = persona.institution("ote-tunis")
    own = persona("admin.sfax").institution
    response = client_for("admin.sfax").post("/accounts/users/new/", _new_user_data(other))
    # The institution field is fixed: a forged value is ignored.
    assert response.status_code == 302
    assert User.objects.get(username="nouveau.sfax").institution == own


def test_user_create_action_refuses_another_institution(persona):
    with pytest.raises(PermissionDenied):
        actions.create_user(
            actor=persona("admin.sfax"),
            institution=persona.institution("ote-tunis"),
            username="x.y",
        )
    assert not User.objects.filter(username="x.y").exists()


def test_user_create_institution_admin_cannot_grant_sysadmin(client_for, persona):
    admin = persona("admin.sfax")
    response = client_for("admin.sfax").post(
        "/accounts/users/new/", _new_user_data(admin.institution, roles=[Role.SYSADMIN])
    )
    assert response.status_code == 200
    assert response.context["form"].errors["roles"]
    assert not User.objects.filter(username="nouveau.sfax").exists()
    with pytest.raises(PermissionDenied):
        actions.create_user(
            actor=admin, institution=admin.institution, username="x.y", roles=[Role.SYSADMIN]
        )


def test_user_edit_institution_admin_cannot_grant_sysadmin(client_for, persona):
    target = persona("conseiller.sfax")
    response = client_for("admin.sfax").post(
        f"/accounts/users/{target.pk}/edit/",
        {
            "first_name": "A",
            "last_name": "B",
            "email": "a@example.tn",
            "is_active": "on",
            "roles": [Role.SYSADMIN],
        },
    )
    assert response.status_code == 200 and response.context["form"].errors["roles"]
    assert User.objects.get(pk=target.pk).role_names == [Role.COUNSELLOR]
    with pytest.raises(PermissionDenied):
        actions.update_user(actor=persona("admin.sfax"), user=target, roles=[Role.SYSADMIN])


def test_user_create_by_sysadmin_in_any_institution(client_for, persona):
    other = persona.institution("cps-sfax")
    response = client_for("admin").post(
        "/accounts/users/new/", _new_user_data(other, roles=[Role.PARTNER_OFFICER])
    )
    assert response.status_code == 302
    assert User.objects.get(username="nouveau.sfax").institution == other


def test_user_create_duplicate_username_is_refused(client_for, persona):
    admin = persona("admin.sfax")
    persona("conseiller.sfax")
    response = client_for("admin.sfax").post(
        "/accounts/users/new/", _new_user_data(admin.institution, username="CONSEILLER.SFAX")
    )
    assert response.status_code == 200 and response.context["form"].errors["username"]
    assert User.objects.filter(username__iexact="conseiller.sfax").count() == 1
    assert not mail.outbox


def test_user_detail_read_is_audited(client_for, persona):
    target = persona("conseiller.sfax")
    admin = persona("admin.sfax")
    response = client_for("admin.sfax").get(f"/accounts/users/{target.pk}/")
    assert response.status_code == 200
    read = events(AuditAction.READ, actor_id=admin.pk, object_type="accounts.user")
    assert [e.object_id for e in read] == [str(target.pk)]


def test_user_detail_outside_scope_is_not_found(client_for, persona):
    target = persona("conseiller.tunis")
    assert client_for("admin.sfax").get(f"/accounts/users/{target.pk}/").status_code == 404
    assert not events(AuditAction.READ).exists()


def test_user_edit_updates_the_account(client_for, persona):
    target = persona("conseiller.sfax")
    response = client_for("admin.sfax").post(
        f"/accounts/users/{target.pk}/edit/",
        {
            "first_name": "Salma",
            "last_name": "Gharbi",
            "email": "salma@example.tn",
            "phone": "+216 74 000 000",
            "preferred_language": "ar",
            "is_active": "on",
            "roles": [Role.COUNSELLOR, Role.MEDIATOR],
        },
    )
    assert response.status_code == 302
    target = User.objects.get(pk=target.pk)
    assert target.first_name == "Salma" and target.preferred_language == "ar"
    assert sorted(target.role_names) == [Role.COUNSELLOR, Role.MEDIATOR]


def test_user_deactivate_by_get_is_refused(client_for, persona):
    target = persona("conseiller.sfax")
    assert (
        client_for("admin.sfax").get(f"/accounts/users/{target.pk}/deactivate/").status_code == 405
    )


def test_user_deactivate_ends_sessions(client_for, persona):
    target = persona("conseiller.sfax")
    victim = client_for("conseiller.sfax")
    response = client_for("admin.sfax").post(f"/accounts/users/{target.pk}/deactivate/")
    assert response.status_code == 302
    assert not User.objects.get(pk=target.pk).is_active
    assert victim.get("/accounts/profile/").status_code == 302


def test_user_deactivate_own_account_is_refused(client_for, persona):
    admin = persona("admin.sfax")
    response = client_for("admin.sfax").post(f"/accounts/users/{admin.pk}/deactivate/", follow=True)
    assert response.status_code == 200
    assert User.objects.get(pk=admin.pk).is_active


def test_user_institution_admin_cannot_manage_a_sysadmin_of_their_institution(client_for, persona):
    admin = persona("admin.sfax")
    boss = UserFactory(username="root.sfax", institution=admin.institution, roles=[Role.SYSADMIN])
    client = client_for("admin.sfax")
    assert client.get(f"/accounts/users/{boss.pk}/edit/").status_code == 403
    assert client.post(f"/accounts/users/{boss.pk}/deactivate/").status_code == 403
    assert User.objects.get(pk=boss.pk).is_active


def test_user_supervisor_reads_but_does_not_manage(client_for, persona):
    target = persona("suivi")  # same institution as the supervisor
    client = client_for("superviseur")
    assert client.get(f"/accounts/users/{target.pk}/").status_code == 200
    assert client.get(f"/accounts/users/{target.pk}/edit/").status_code == 403
    assert client.get("/accounts/users/new/").status_code == 403
    assert events(AuditAction.DENIED, actor_id=persona("superviseur").pk).count() == 2


def test_user_reset_two_factor_removes_devices_and_sessions(client_for, persona):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    target = persona("conseiller.sfax")
    victim = client_for("conseiller.sfax")
    response = client_for("admin.sfax").post(f"/accounts/users/{target.pk}/reset-two-factor/")
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=target).exists()
    assert victim.get("/accounts/profile/").status_code == 302
