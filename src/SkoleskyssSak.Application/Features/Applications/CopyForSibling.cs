using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.People;

namespace SkoleskyssSak.Application.Features.Applications;

/// <summary>
/// "Søk for et søsken": each child needs its own søknad (issue 4), so a party of a case may start a new draft in the
/// same municipality with the homes, the route (segments and legs), the other guardians and the period copied. Not
/// copied: the child, the reasons and subjective factors (they are the child's own), the attachments and the
/// declaration. The signed-in guardian is the applicant of the copy. Anyone else's case: NotFound.
/// </summary>
/// <param name="ApplicantPseudonym">The signed-in citizen's pseudonym (ADR 0004).</param>
/// <param name="ApplicantNationalIdentityNumber">From the sign-in; kept in the new form only.</param>
public sealed record CopyForSiblingCommand(Guid SourceCaseId, string ApplicantPseudonym, string? ApplicantNationalIdentityNumber, string ApplicantName)
    : ICommand<CommandResult<CopiedForSibling>>;

/// <summary>The sibling's new draft.</summary>
public sealed record CopiedForSibling(Guid CaseId);

public sealed class CopyForSiblingHandler(IApplicationDbContext db, IAuditTrail audit, TimeProvider clock)
    : ICommandHandler<CopyForSiblingCommand, CommandResult<CopiedForSibling>>
{
    public async ValueTask<CommandResult<CopiedForSibling>> Handle(CopyForSiblingCommand command, CancellationToken cancellationToken)
    {
        if (!await CaseAccess.IsPartyAsync(db, command.SourceCaseId, command.ApplicantPseudonym, cancellationToken))
        {
            return new Failure.NotFound();
        }

        var source = await db.Applications.AsNoTracking().SingleAsync(a => a.CaseId == command.SourceCaseId, cancellationToken);
        var municipalityNumber = await db.Cases.AsNoTracking().Where(c => c.Id == command.SourceCaseId).Select(c => c.MunicipalityNumber).SingleAsync(cancellationToken);
        var nin = NationalIdentityNumber.TryParse(command.ApplicantNationalIdentityNumber, out var parsed) ? parsed!.Value : null;
        var guardians = Guardians(source.Content.Guardians, source.ApplicantPseudonym == command.ApplicantPseudonym, nin, ApplicationDrafts.ApplicantName(command.ApplicantName));
        var form = ApplicationForm.Empty with
        {
            Guardians = guardians,
            Homes = source.Content.Homes,
            Route = source.Content.Route,
            Period = source.Content.Period,
        };
        var draftId = ApplicationDrafts.Add(db, municipalityNumber, command.ApplicantPseudonym, form, clock.GetUtcNow());
        audit.Record("ApplicationCopiedForSibling", CaseAccess.AuditObjectType, $"{draftId}:{command.SourceCaseId}");
        await db.SaveChangesAsync(cancellationToken);
        return new CopiedForSibling(draftId);
    }

    /// <summary>
    /// The signed-in guardian first and as the applicant (found in the source as its applicant, or by fødselsnummer
    /// when another party copies; their contact details are kept), then the other guardians as they were.
    /// </summary>
    private static List<ApplicationGuardian> Guardians(IReadOnlyList<ApplicationGuardian> source, bool isSourceApplicant, string? nin, string name)
    {
        var me = isSourceApplicant
            ? source.FirstOrDefault(g => g.IsApplicant)
            : source.FirstOrDefault(g => nin is not null && !g.IsApplicant && string.Equals(g.NationalIdentityNumber, nin, StringComparison.Ordinal));
        var applicant = (me ?? new ApplicationGuardian(name, null, null, null, IsApplicant: true)) with
        {
            Name = name.Length > 0 ? name : me?.Name ?? string.Empty,
            NationalIdentityNumber = nin,
            IsApplicant = true,
        };
        var others = source.Where(g => !ReferenceEquals(g, me)).Select(g => g with { IsApplicant = false });
        return [applicant, .. others.Take(GuardiansStepValidator.MaxGuardians - 1)];
    }
}
