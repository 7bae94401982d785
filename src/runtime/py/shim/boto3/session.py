"""boto3.session.Session: clients and resources for the simulated world."""

import os

from botocore.client import SERVICE_IDS, BaseClient
from botocore.exceptions import NoRegionError, UnknownServiceError


class Session:
    def __init__(self, aws_access_key_id=None, aws_secret_access_key=None, aws_session_token=None, region_name=None, botocore_session=None, profile_name=None):
        self._region = region_name or os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION")
        self._access_key = aws_access_key_id or os.environ.get("AWS_ACCESS_KEY_ID")

    @property
    def region_name(self):
        return self._region

    def get_available_services(self):
        return sorted(SERVICE_IDS)

    def get_available_resources(self):
        return ["dynamodb"]

    def client(self, service_name, region_name=None, endpoint_url=None, **kwargs):
        if service_name not in SERVICE_IDS:
            raise UnknownServiceError(service_name=service_name, known_service_names=", ".join(sorted(SERVICE_IDS)))
        region = region_name or self._region
        if region is None:
            raise NoRegionError()
        return BaseClient(service_name, region, endpoint_url)

    def resource(self, service_name, region_name=None, **kwargs):
        if service_name != "dynamodb":
            raise LookupError(f"The lab simulates boto3.resource('dynamodb') only; use boto3.client('{service_name}').")
        from boto3.dynamodb.table import ServiceResource

        return ServiceResource(self.client("dynamodb", region_name=region_name))
