"""botocore's exception classes, with the same messages the real library prints."""


class BotoCoreError(Exception):
    fmt = "An unspecified error occurred"

    def __init__(self, **kwargs):
        msg = self.fmt.format(**kwargs)
        Exception.__init__(self, msg)
        self.kwargs = kwargs


class ParamValidationError(BotoCoreError, ValueError):
    fmt = "Parameter validation failed:\n{report}"


class NoRegionError(BotoCoreError):
    fmt = "You must specify a region."


class UnknownServiceError(BotoCoreError):
    fmt = "Unknown service: '{service_name}'. Valid service names are: {known_service_names}"


class LabUnsupportedOperationError(BotoCoreError):
    """Raised for an operation the lab does not simulate (real AWS has it; the lab does not)."""

    fmt = "{message}"


class EndpointConnectionError(BotoCoreError):
    fmt = 'Could not connect to the endpoint URL: "{endpoint_url}"'


class ConnectTimeoutError(BotoCoreError):
    fmt = 'Connect timeout on endpoint URL: "{endpoint_url}"'


class ClientError(Exception):
    MSG_TEMPLATE = "An error occurred ({error_code}) when calling the {operation_name} operation{retry_info}: {error_message}"

    def __init__(self, error_response, operation_name):
        retry_info = self._get_retry_info(error_response)
        error = error_response.get("Error", {})
        msg = self.MSG_TEMPLATE.format(
            error_code=error.get("Code", "Unknown"),
            error_message=error.get("Message", "Unknown"),
            operation_name=operation_name,
            retry_info=retry_info,
        )
        super().__init__(msg)
        self.response = error_response
        self.operation_name = operation_name

    @staticmethod
    def _get_retry_info(response):
        attempts = response.get("ResponseMetadata", {}).get("RetryAttempts", 0)
        return f" (reached max retries: {attempts})" if attempts else ""

    def __reduce__(self):
        return self.__class__, (self.response, self.operation_name)
