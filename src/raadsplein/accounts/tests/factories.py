import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from raadsplein.accounts import roles
from raadsplein.accounts.models import User

PASSWORD = "raadsplein-test-wachtwoord"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@example.org")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


def staff_user(group_name: str, **kwargs) -> User:
    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get_or_create(name=group_name)[0])
    return user


def adviseur(**kwargs) -> User:
    return staff_user(roles.ADVISEUR, **kwargs)


def redacteur(**kwargs) -> User:
    return staff_user(roles.REDACTEUR, **kwargs)


def beheerder(**kwargs) -> User:
    return staff_user(roles.BEHEERDER, **kwargs)


def beleidsadviseur(**kwargs) -> User:
    return staff_user(roles.BELEIDSADVISEUR, **kwargs)
