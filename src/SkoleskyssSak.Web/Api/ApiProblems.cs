namespace SkoleskyssSak.Web.Api;

/// <summary>RFC 7807 answers of the API, with the offending fields named in "errors".</summary>
internal static class ApiProblems
{
    public static IResult Validation(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(
            errors.ToDictionary(e => ApiJson.FieldName(e.Key), e => e.Value),
            title: "Forespørselen har feil.",
            detail: "Se feltene i «errors».");

    public static IResult NotFound(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Finnes ikke.", detail: detail);

    /// <summary>The one mapping of a use case's <see cref="Failure"/> to an RFC 7807 problem (pages: ModelStateErrors.AddFailure).</summary>
    public static IResult From(Failure failure, string notFoundDetail) => failure switch
    {
        Failure.NotFound => NotFound(notFoundDetail),
        Failure.Invalid invalid => Validation(invalid.Errors.ToDictionary(e => e.Key, e => e.Value)),
        Failure.Conflict conflict => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Endret av en annen.", detail: conflict.Reason),
        Failure.Refused refused => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Ikke tillatt.", detail: refused.Reason),
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "Unknown failure."),
    };
}
