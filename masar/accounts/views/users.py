"""User management for institution administrators (own institution) and system
administrators (everyone). Reads go through ``User.objects.visible_to``."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from masar.audit.actions import audit_read
from masar.core.permissions import deny, policy_required

from .. import actions
from ..forms import InvitationForm, UserCreateForm, UserEditForm, UserFilterForm
from ..models import User
from ..policy import Perm, has_perm
from .common import PAGE_SIZE, add_action_errors, new_idempotency_key

_EDIT_FIELDS = ("first_name", "last_name", "email", "phone", "preferred_language", "is_active")


def _visible_user(request, pk) -> User:
    return get_object_or_404(
        User.objects.visible_to(request.user).select_related("institution"), pk=pk
    )


def _manageable_user(request, pk) -> User:
    target = _visible_user(request, pk)
    if not actions.can_manage_account(request.user, target):
        deny(request, "account outside the actor's assignable roles")
    return target


@policy_required(Perm.VIEW_USERS)
def user_list(request):
    form = UserFilterForm(request.GET or None)
    users = (
        User.objects.visible_to(request.user)
        .select_related("institution")
        .prefetch_related("role_assignments")
        .order_by("last_name", "first_name", "username")
    )
    if form.is_valid():
        for term in form.cleaned_data["q"].split():
            users = users.filter(
                Q(username__icontains=term)
                | Q(first_name__icontains=term)
                | Q(last_name__icontains=term)
            )
    page = Paginator(users, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/user_list.html",
        {
            "form": form,
            "page": page,
            "can_create": has_perm(request.user, Perm.MANAGE_USERS),
        },
    )


@policy_required(Perm.MANAGE_USERS)
def user_create(request):
    form = UserCreateForm(request.POST or None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = actions.create_user(
                actor=request.user,
                institution=data["institution"],
                username=data["username"],
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                phone=data["phone"],
                preferred_language=data["preferred_language"],
                roles=data["roles"],
            )
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            InvitationForm(user=user).send(request)
            messages.success(
                request,
                _("The account was created. A link to set a password was sent to %(email)s.")
                % {"email": user.email},
            )
            return redirect("accounts:user-detail", pk=user.pk)
    return render(
        request,
        "accounts/user_form.html",
        {"form": form, "creating": True, "idempotency_key": new_idempotency_key()},
    )


@policy_required(Perm.VIEW_USERS)
def user_detail(request, pk):
    target = _visible_user(request, pk)
    if target.pk != request.user.pk:
        audit_read(actor=request.user, obj=target, summary=f"user {target.pk}")
    can_manage = has_perm(request.user, Perm.MANAGE_USERS) and actions.can_manage_account(
        request.user, target
    )
    return render(
        request,
        "accounts/user_detail.html",
        {
            "target": target,
            "can_manage": can_manage,
            "is_self": target.pk == request.user.pk,
            "two_factor_enrolled": TOTPDevice.objects.filter(user=target, confirmed=True).exists(),
        },
    )


@policy_required(Perm.MANAGE_USERS)
def user_edit(request, pk):
    target = _manageable_user(request, pk)
    form = UserEditForm(request.POST or None, actor=request.user, target=target)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.update_user(
                actor=request.user,
                user=target,
                roles=data["roles"],
                **{name: data[name] for name in _EDIT_FIELDS},
            )
        except ValidationError as exc:
            add_action_errors(form, exc)
        else:
            messages.success(request, _("The account was updated."))
            return redirect("accounts:user-detail", pk=target.pk)
    return render(
        request, "accounts/user_form.html", {"form": form, "creating": False, "target": target}
    )


@require_POST
@policy_required(Perm.MANAGE_USERS)
def user_deactivate(request, pk):
    target = _manageable_user(request, pk)
    try:
        actions.deactivate_user(actor=request.user, user=target)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("The account was deactivated and its open sessions were ended.")
        )
    return redirect("accounts:user-detail", pk=target.pk)


@require_POST
@policy_required(Perm.MANAGE_USERS)
def user_reset_two_factor(request, pk):
    target = _manageable_user(request, pk)
    if target.pk == request.user.pk:
        messages.error(request, _("Use your profile page to replace your own authenticator."))
    else:
        actions.reset_two_factor(actor=request.user, user=target)
        messages.success(
            request,
            _("Two-factor authentication was reset: the person enrols again at next sign-in."),
        )
    return redirect("accounts:user-detail", pk=target.pk)
