from allauth.account.adapter import DefaultAccountAdapter


class KentroAccountAdapter(DefaultAccountAdapter):
    """No public sign-up: staff join through invitations from a coordinator or operator."""

    def is_open_for_signup(self, request) -> bool:
        return False
