using SkoleskyssSak.Domain.Cases;
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
        ArgumentNullException.ThrowIfNull(db);
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
}
