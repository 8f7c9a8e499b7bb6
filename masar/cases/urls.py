from django.urls import path

from .views import aid, attachments, followups, needs, referrals, rights
from .views import cases as views

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="case-list"),
    path("<uuid:pk>/", views.case_detail, name="case-detail"),
    path("<uuid:pk>/status/", views.case_status, name="case-status"),
    path("beneficiaries/new/", views.beneficiary_register, name="beneficiary-register"),
    path("beneficiaries/<uuid:pk>/", views.beneficiary_detail, name="beneficiary-detail"),
    path("beneficiaries/<uuid:pk>/edit/", views.beneficiary_edit, name="beneficiary-edit"),
    path("beneficiaries/<uuid:pk>/consent/", views.consent_record, name="consent-record"),
    path("beneficiaries/<uuid:pk>/open-case/", views.case_open, name="case-open"),
]
urlpatterns += needs.urlpatterns
urlpatterns += followups.urlpatterns
urlpatterns += referrals.urlpatterns
urlpatterns += aid.urlpatterns
urlpatterns += rights.urlpatterns
urlpatterns += attachments.urlpatterns
