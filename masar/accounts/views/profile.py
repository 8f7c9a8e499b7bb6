from django.shortcuts import render
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..policy import requires_two_factor


def profile(request):
    """The signed-in person's own account: details, roles, institution, security."""
    user = request.user
    devices = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("created_at")
    return render(
        request,
        "accounts/profile.html",
        {
            "account": user,
            "devices": list(devices),
            "two_factor_required": requires_two_factor(user),
            "two_factor_verified": user.is_verified(),
        },
    )
