using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.Municipalities;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Web.Pages.Soknad;

/// <summary>Step 1: the child (name, fødselsnummer, grade, a school of the case's municipality).</summary>
public sealed class BarnModel(ISender sender, TimeProvider clock) : ApplicationPageModel(sender)
{
    [BindProperty]
    public ChildInput Input { get; set; } = new();

    public IReadOnlyList<(string Value, string Text)> Schools { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftOnly: true, "barn", cancellationToken) is { } stop)
        {
            return stop;
        }

        if (Case.Application.Child is { } child)
        {
            Input = new ChildInput
            {
                Name = child.Name,
                NationalIdentityNumber = child.NationalIdentityNumber,
                Grade = child.Grade.ToString(CultureInfo.InvariantCulture),
                SchoolId = child.SchoolId.ToString(),
            };
        }

        await LoadSchoolsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftOnly: true, null, cancellationToken) is { } stop)
        {
            return stop;
        }

        ModelState.Clear();
        var grade = int.TryParse(Input.Grade, NumberStyles.Integer, CultureInfo.InvariantCulture, out var g) ? g : 0;
        var schoolId = Guid.TryParse(Input.SchoolId, out var s) ? s : Guid.Empty;
        var child = new ApplicationChild(Input.Name ?? string.Empty, Input.NationalIdentityNumber ?? string.Empty, grade, schoolId, NorwegianTime.SchoolYearStart(NorwegianTime.Today(clock.GetUtcNow())));
        var result = await Requests.Send(new SaveApplicationStepCommand(CaseId, Pseudonym, new ChildStep(child)), cancellationToken);
        return await AfterSaveAsync(result, "foresatte", Field, () => LoadSchoolsAsync(cancellationToken));
    }

    private static string Field(string key) => key switch
    {
        "Child.Name" => "Input.Name",
        "Child.NationalIdentityNumber" => "Input.NationalIdentityNumber",
        "Child.Grade" => "Input.Grade",
        "Child.SchoolId" => "Input.SchoolId",
        _ => string.Empty,
    };

    private async Task LoadSchoolsAsync(CancellationToken cancellationToken)
    {
        var schools = await Requests.Send(new ListSchoolsQuery(Case.MunicipalityNumber), cancellationToken);
        Schools = schools.Select(x => (x.Id.ToString(), x.Name)).ToList();
    }

    public sealed class ChildInput
    {
        public string? Name { get; set; }

        public string? NationalIdentityNumber { get; set; }

        public string? Grade { get; set; }

        public string? SchoolId { get; set; }
    }
}
