"""Every field of every Masar model that holds data is classified."""

from django.apps import apps

from masar.core.classification import DataClass


def masar_models():
    for model in apps.get_models():
        if model.__module__.startswith("masar."):
            yield model


def test_every_masar_field_has_a_data_class():
    missing = []
    for model in masar_models():
        classes = getattr(model, "DATA_CLASSIFICATION", None)
        if classes is None:
            missing.append(f"{model._meta.label}: no DATA_CLASSIFICATION")
            continue
        for field in model._meta.concrete_fields:
            if field.name not in classes:
                missing.append(f"{model._meta.label}.{field.name}")
            elif classes[field.name] not in DataClass.values:
                missing.append(f"{model._meta.label}.{field.name}: unknown class")
    assert not missing, "fields without a data class: " + ", ".join(missing)


def test_classification_names_only_real_fields():
    stale = []
    for model in masar_models():
        names = {f.name for f in model._meta.concrete_fields}
        stale += [f"{model._meta.label}.{n}" for n in model.DATA_CLASSIFICATION if n not in names]
    assert not stale, "classified fields that do not exist: " + ", ".join(stale)


def test_staff_identity_and_secrets_are_classified_as_personal():
    from masar.accounts.models import User

    assert User.DATA_CLASSIFICATION["password"] == DataClass.SECRET
    assert User.DATA_CLASSIFICATION["last_name"] == DataClass.IDENTITY
    assert User.DATA_CLASSIFICATION["email"] == DataClass.CONTACT
