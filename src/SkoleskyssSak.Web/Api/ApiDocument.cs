using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SkoleskyssSak.Web.Hosting;

namespace SkoleskyssSak.Web.Api;

/// <summary>
/// The OpenAPI document of the public API, generated from the endpoints by Microsoft.AspNetCore.OpenApi and served
/// anonymously at <see cref="Path"/> in every environment (docs/operations.md "Public API").
/// </summary>
internal static class ApiDocument
{
    public const string DocumentName = "v1";

    public const string Path = "/api/v1/openapi.json";

    public static IServiceCollection AddApiDocument(this IServiceCollection services)
    {
        // The generator describes types with the framework's JSON options: enums as the API writes them (ApiJson),
        // camelCase strings, so that the document lists "footAndCyclePath", not 2; numbers as numbers (what clients
        // must send, although the API also reads a number written as a string).
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddOpenApi(DocumentName, o =>
        {
            o.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "SkoleskyssSak API",
                    Version = DocumentName,
                    Description = "Offentlig API for skoleskyss ved særlig farlig eller vanskelig skoleveg (opplæringslova § 4-1). "
                        + "Ingen innlogging; begrenset antall forespørsler per klient (429 med Retry-After). "
                        + "Feil svares som RFC 7807 problem details.",
                };
                return Task.CompletedTask;
            });
            o.AddSchemaTransformer(DescribeAsTheApiBehaves);
        });
        return services;
    }

    public static IEndpointConventionBuilder MapApiDocument(this IEndpointRouteBuilder app) =>
        app.MapOpenApi("/api/{documentName}/openapi.json")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.PublicApi);

    /// <summary>
    /// Required-ness as the API behaves, not as the records' constructors read: a request field is required when it
    /// carries [Required] (the endpoint answers 400 without it) and then may not be null; a response record's
    /// non-nullable fields are always in the answer, a nullable one is left out when it has no value (ApiJson:
    /// WhenWritingNull). Enums are strings (camelCase, as ApiJson writes them); a null is said by the field, not the enum.
    /// </summary>
    private static Task DescribeAsTheApiBehaves(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var enumType = Nullable.GetUnderlyingType(type) ?? type;
        if (enumType.IsEnum && schema.Enum is not null)
        {
            schema.Type = JsonSchemaType.String;
            foreach (var value in schema.Enum.Where(v => v is null).ToList())
            {
                schema.Enum.Remove(value);
            }

            return Task.CompletedTask;
        }

        if (context.JsonPropertyInfo is not null || type.Namespace != typeof(ApiDocument).Namespace || schema.Properties is null)
        {
            return Task.CompletedTask;
        }

        var isResponse = type.Name.EndsWith("Response", StringComparison.Ordinal);
        var required = context.JsonTypeInfo.Properties
            .Where(p => schema.Properties.ContainsKey(p.Name))
            .Where(p => isResponse
                ? !p.IsGetNullable
                : p.AttributeProvider?.IsDefined(typeof(System.ComponentModel.DataAnnotations.RequiredAttribute), inherit: true) == true)
            .Select(p => p.Name)
            .ToList();
        schema.Required = new HashSet<string>(required, StringComparer.Ordinal);
        foreach (var name in required)
        {
            if (schema.Properties[name] is OpenApiSchema field)
            {
                if (field.Type is { } fieldType)
                {
                    field.Type = fieldType & ~JsonSchemaType.Null;
                }

                field.OneOf?.Where(o => o is OpenApiSchema { Type: JsonSchemaType.Null }).ToList().ForEach(o => field.OneOf.Remove(o));
            }
        }

        return Task.CompletedTask;
    }
}
