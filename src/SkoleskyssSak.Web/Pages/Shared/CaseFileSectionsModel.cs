using SkoleskyssSak.Application.Features.Casework;

namespace SkoleskyssSak.Web.Pages;

/// <summary>The case file's sections and the page whose <c>Document</c> handler serves its documents.</summary>
public sealed record CaseFileSectionsModel(CaseFile File, string BasePath);
