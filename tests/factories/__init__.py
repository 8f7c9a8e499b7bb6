from .accounts import InstitutionFactory, UserFactory
from .aid import AidFileFactory, EnrolmentFactory, ProgrammeFactory
from .cases import BeneficiaryFactory, CaseFactory
from .desk import (
    DeskContactFactory,
    DeskOpeningFactory,
    DeskPointFactory,
    DeskSessionFactory,
    OutreachActivityFactory,
)
from .directory import LocationFactory, OrganizationFactory, ServiceFactory
from .followups import CaseTransferFactory, FollowUpVisitFactory, SustainabilityScoreFactory
from .logframe import (
    IndicatorFactory,
    ManualValueFactory,
    ObjectiveFactory,
    ResultFactory,
    TargetFactory,
)
from .needs import (
    AssessmentFactory,
    PlanActionFactory,
    PlanTrackFactory,
    ProfileFactory,
    VulnerabilityFactory,
)
from .portal import FeedbackFactory, InfoPageFactory
from .referrals import ReferralFactory
from .rights import EmergencyFactory, ErasureFactory, MergeFactory

__all__ = [
    "TargetFactory",
    "ResultFactory",
    "ObjectiveFactory",
    "ManualValueFactory",
    "IndicatorFactory",
    "AidFileFactory",
    "AssessmentFactory",
    "BeneficiaryFactory",
    "CaseFactory",
    "CaseTransferFactory",
    "DeskContactFactory",
    "DeskOpeningFactory",
    "DeskPointFactory",
    "DeskSessionFactory",
    "EmergencyFactory",
    "EnrolmentFactory",
    "ErasureFactory",
    "FeedbackFactory",
    "FollowUpVisitFactory",
    "InfoPageFactory",
    "InstitutionFactory",
    "LocationFactory",
    "MergeFactory",
    "OrganizationFactory",
    "OutreachActivityFactory",
    "PlanActionFactory",
    "PlanTrackFactory",
    "ProfileFactory",
    "ProgrammeFactory",
    "ReferralFactory",
    "ServiceFactory",
    "SustainabilityScoreFactory",
    "UserFactory",
    "VulnerabilityFactory",
]
