"""Drop cached host resolutions when domains or tenants change (after the commit)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from tenants.models import Domain, Tenant
from tenants.resolution import forget_host


def _forget_after_commit(hostnames: list[str]) -> None:
    def forget() -> None:
        for hostname in hostnames:
            forget_host(hostname)

    transaction.on_commit(forget)


@receiver(pre_save, sender=Domain)
def _remember_old_hostname(sender, instance: Domain, **kwargs) -> None:
    instance._previous_domain = (
        Domain.objects.filter(pk=instance.pk).values_list("domain", flat=True).first()
        if instance.pk
        else None
    )


@receiver(post_save, sender=Domain)
@receiver(post_delete, sender=Domain)
def _domain_changed(sender, instance: Domain, **kwargs) -> None:
    names = [instance.domain]
    previous = getattr(instance, "_previous_domain", None)
    if previous and previous != instance.domain:
        names.append(previous)
    _forget_after_commit(names)


@receiver(post_save, sender=Tenant)
def _tenant_changed(sender, instance: Tenant, **kwargs) -> None:
    _forget_after_commit(list(instance.domains.values_list("domain", flat=True)))
