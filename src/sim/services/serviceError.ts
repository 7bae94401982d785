/** An AWS service error as botocore reports it: code, message and HTTP status. Thrown before any state changes. */

export interface ServiceErrorShape {
  readonly code: string;
  readonly message: string;
  readonly httpStatus: number;
}

export class ServiceError extends Error {
  readonly code: string;
  readonly httpStatus: number;
  constructor(code: string, message: string, httpStatus: number) {
    super(message);
    this.code = code;
    this.httpStatus = httpStatus;
  }
  shape(): ServiceErrorShape {
    return { code: this.code, message: this.message, httpStatus: this.httpStatus };
  }
}

export function serviceError(code: string, message: string, httpStatus = 400): ServiceError {
  return new ServiceError(code, message, httpStatus);
}
