from allauth.account.auth_backends import AuthenticationBackend

from accounts.access import membership_for_host


class MemberAuthenticationBackend(AuthenticationBackend):
    """allauth's email + password check, plus: you sign in only where you are a member.

    A person who is not a member of the centre behind this host gets the same answer
    as a wrong password, so the login form reveals nothing about other centres.
    """

    def authenticate(self, request, **credentials):
        user = super().authenticate(request, **credentials)
        if user is None or request is None or not hasattr(request, "tenant"):
            return user
        if membership_for_host(user, request.tenant, request.municipality) is None:
            return None
        return user
