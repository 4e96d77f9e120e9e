using Mediator;
using Microsoft.AspNetCore.Mvc;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Web.Pages.Admin.Retningslinje;

/// <summary>
/// Edits one row of a draft (?id=melhus/T1-09), or adds one (no id): the row's text, the outcome per grade band and
/// the conditions as JSON. Invalid input is shown with a message on its field; nothing is saved.
/// </summary>
public sealed class RadModel(ISender sender) : AdminPageModel
{
    [FromRoute(Name = "versjon")]
    public int Number { get; set; }

    [BindProperty(SupportsGet = true, Name = "id")]
    public string? RuleId { get; set; }

    [BindProperty]
    public RuleForm Form { get; set; } = new();

    public RulebookVersionView? View { get; private set; }

    public bool IsNew => string.IsNullOrEmpty(RuleId);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        View = await sender.Send(new GetRulebookVersionQuery(Municipality, Number), cancellationToken);
        if (View is null || View.Summary.Status != RulebookStatus.Draft)
        {
            return NotFound();
        }

        if (IsNew)
        {
            var prefix = View.Document.Rules.Count > 0 ? View.Document.Rules[0].Id.Split('/')[0] : Municipality;
            Form = new RuleForm { Id = prefix + "/", Conditions = "{\n  \"kind\": \"along\"\n}" };
            return Page();
        }

        var rule = View.Document.Rules.FirstOrDefault(r => r.Id == RuleId);
        if (rule is null)
        {
            return NotFound();
        }

        Form = new RuleForm
        {
            Id = rule.Id,
            Text = rule.Text,
            Note = rule.Note,
            Conditions = RuleConditionsJson.Write(rule.When),
            Outcomes = View.Document.GradeBands.ToDictionary(b => b, b => (string?)RulebookOutcomes.BandValue(rule.Outcomes, b)),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear(); // messages come from the validators and the handler, in the page's language
        var result = IsNew
            ? await sender.Send(new AddRuleCommand(Municipality, Number, Form.Id, Form.Text, Form.Note, Form.Outcomes, Form.Conditions), cancellationToken)
            : await sender.Send(new EditRuleCommand(Municipality, Number, RuleId!, Form.Text, Form.Note, Form.Outcomes, Form.Conditions), cancellationToken);
        if (result.IsOk)
        {
            return Redirect(VersionPath(Number) + "#rules-heading");
        }

        if (Failed(result.Failure, field => field == nameof(AddRuleCommand.RuleId) ? "Form.Id" : "Form." + field) is { } notFound)
        {
            return notFound;
        }

        View = await sender.Send(new GetRulebookVersionQuery(Municipality, Number), cancellationToken);
        return View is null ? NotFound() : Page();
    }

    public sealed class RuleForm
    {
        public string? Id { get; set; }

        public string? Text { get; set; }

        public string? Note { get; set; }

        public string? Conditions { get; set; }

        public Dictionary<string, string?> Outcomes { get; set; } = [];
    }
}
