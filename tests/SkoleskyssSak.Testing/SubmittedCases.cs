using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Infrastructure.Persistence;
using Xunit;

namespace SkoleskyssSak.Testing;

/// <summary>Submitted cases written through the domain straight into a test database (no søknad journey needed).</summary>
public static class SubmittedCases
{
    /// <summary>The applicant's pseudonym on every such case.</summary>
    public const string Applicant = "c-aaaaaaaaaaaaaaaaaaaaaaaa";

    /// <summary>
    /// Adds (not saves) a case submitted at <paramref name="submittedAt"/> with case number <c>2026/sequence</c> and a
    /// søknad naming the child <paramref name="childName"/>; the caller may assign or move it before saving.
    /// </summary>
    public static SchoolTransportCase Add(AppDbContext db, string municipality, int sequence, Guid school, int grade, DateTimeOffset submittedAt, string childName)
    {
        var @case = SchoolTransportCase.CreateDraft(Guid.CreateVersion7(submittedAt), municipality, submittedAt.AddHours(-1));
        @case.TryAssignCaseNumber(CaseNumber.Create(2026, sequence));
        var submitted = @case.Apply(CaseTrigger.Submit, new CaseActor(Applicant, CaseActorRole.Guardian), submittedAt);
        Assert.True(submitted.Succeeded, submitted.Reason);
        @case.RecordSubmission(school, grade, submittedAt);
        db.Cases.Add(@case);
        var child = new ApplicationChild(childName, "15031750005", grade, school, 2026);
        db.Applications.Add(new CaseApplication(@case.Id, Applicant, ApplicationForm.Empty with { Child = child }, submittedAt));
        return @case;
    }

    /// <summary>
    /// A søknad of the given guardian in <paramref name="municipality"/>, sent through the application's own handlers (the
    /// parent's pages have their own specs): a child in grade 3 at the municipality's first school with grade 3, one leg
    /// along a county road at 60 km/h.
    /// </summary>
    /// <param name="leg">The leg described instead of the county road at 60 km/h.</param>
    public static async Task<Guid> ThroughHandlersAsync(SkoleskyssAppFactory app, string municipality, string applicantNin, string applicantName, Guid? schoolId = null, RouteLeg? leg = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var pseudonym = services.GetRequiredService<ICitizenPseudonyms>().PseudonymFor(applicantNin);
        var db = services.GetRequiredService<AppDbContext>();
        var school = schoolId ?? await db.Schools.Where(s => s.MunicipalityNumber == municipality && s.LowestGrade <= 3 && s.HighestGrade >= 3 && !s.IsPrivate).OrderBy(s => s.Name).Select(s => s.Id).FirstAsync();
        var sender = services.GetRequiredService<ISender>();
        var started = await sender.Send(new StartApplicationCommand(municipality, pseudonym, applicantNin, applicantName), default);
        Assert.True(started.IsOk, started.ToString());
        var caseId = started.Value.CaseId;
        ApplicationStep[] steps =
        [
            new ChildStep(new ApplicationChild("Tone Nordmann", "15091550013", 3, school, 2026)),
            new GuardiansStep([new ApplicationGuardian(applicantName, "foresatt@example.no", null, null, IsApplicant: true)]),
            new HomesStep([new ApplicationHome("Storvegen 1", "6800", "Førde", 1.5m)]),
            new RouteStep(new ApplicationRoute([], [leg ?? new RouteLeg(LegKind.Along, RoadCategory.County, 60, 1200, PedestrianFacility.None, Coverage.Partial, Coverage.None)])),
            new ReasonsStep(new ApplicationReasons("Ingen fortau.", new Dictionary<SubjectiveFactor, string>()), TransportPeriod.WholeSchoolYear),
            new DeclarationStep(true),
        ];
        foreach (var step in steps)
        {
            var saved = await sender.Send(new SaveApplicationStepCommand(caseId, pseudonym, step), default);
            Assert.True(saved.IsOk, saved.ToString());
        }

        var submitted = await sender.Send(new SubmitApplicationCommand(caseId, pseudonym), default);
        Assert.True(submitted.IsOk, submitted.ToString());
        return caseId;
    }
}
