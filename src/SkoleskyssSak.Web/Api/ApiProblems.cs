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
}
