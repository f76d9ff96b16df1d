from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.access import membership_for_request
from kentro.selectors import centre_overview


class MunicipalitySerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class UnitSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    name = serializers.CharField()
    address = serializers.CharField()
    municipalities = MunicipalitySerializer(many=True, source="municipalities.all")


class MembershipSerializer(serializers.Serializer):
    email = serializers.EmailField(source="user.email")
    full_name = serializers.CharField(source="user.get_full_name")
    role = serializers.CharField()
    unit = serializers.CharField(source="unit.name", default=None)
    municipality = MunicipalitySerializer(allow_null=True)


class CentreSerializer(serializers.Serializer):
    name = serializers.CharField(source="tenant.name")
    slug = serializers.CharField(source="tenant.slug")
    espa_code = serializers.CharField(source="tenant.espa_code")
    municipality_in_view = MunicipalitySerializer(allow_null=True)
    municipalities = MunicipalitySerializer(many=True)
    units = UnitSerializer(many=True)
    staff = MembershipSerializer(many=True)


class MeView(APIView):
    """The signed-in member and their role in this centre."""

    @extend_schema(responses=MembershipSerializer)
    def get(self, request):
        return Response(MembershipSerializer(membership_for_request(request._request)).data)


class CentreView(APIView):
    """This centre: its municipalities, units and staff, as the member may see them."""

    @extend_schema(responses=CentreSerializer)
    def get(self, request):
        membership = membership_for_request(request._request)
        overview = centre_overview(tenant=request.tenant, membership=membership)
        data = {
            "tenant": request.tenant,
            "municipality_in_view": request._request.municipality,
            "municipalities": overview.municipalities,
            "units": overview.units,
            "staff": overview.staff,
        }
        return Response(CentreSerializer(data).data)
