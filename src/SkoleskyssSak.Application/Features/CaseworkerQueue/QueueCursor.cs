using System.Buffers.Text;
using System.Globalization;
using System.Text;
using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Application.Features.CaseworkerQueue;

/// <summary>
/// Where the next page starts (keyset paging): the sort key and id of the last row shown, bound to the sort and
/// direction it was made for. Opaque to the user (base64url); a cursor that does not parse is an invalid query.
/// </summary>
internal sealed record QueueCursor(QueueSort Sort, bool Descending, DateOnly? DueDate, DateTimeOffset? SubmittedAt, CaseNumber? CaseNumber, Guid Id)
{
    public static QueueCursor After(QueueSort sort, bool descending, WorkQueueRow last) =>
        new(sort, descending, last.DueDate, last.SubmittedAt, last.CaseNumber, last.Id);

    public string Encode()
    {
        var key = Sort switch
        {
            QueueSort.DueDate => DueDate!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            QueueSort.Submitted => SubmittedAt!.Value.UtcTicks.ToString(CultureInfo.InvariantCulture),
            _ => CaseNumber!.ToString(),
        };
        var text = string.Create(CultureInfo.InvariantCulture, $"{(int)Sort}|{(Descending ? 1 : 0)}|{key}|{Id:N}");
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Null when <paramref name="text"/> is not a cursor of this sort and direction.</summary>
    public static QueueCursor? Decode(string text, QueueSort sort, bool descending)
    {
        if (text.Length > 200 || !Base64Url.IsValid(text))
        {
            return null;
        }

        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split('|');
        if (parts.Length != 4
            || parts[0] != ((int)sort).ToString(CultureInfo.InvariantCulture)
            || parts[1] != (descending ? "1" : "0")
            || !Guid.TryParseExact(parts[3], "N", out var id))
        {
            return null;
        }

        var key = parts[2];
        return sort switch
        {
            QueueSort.DueDate when DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) =>
                new(sort, descending, due, null, null, id),
            QueueSort.Submitted when long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks =>
                new(sort, descending, null, new DateTimeOffset(ticks, TimeSpan.Zero), null, id),
            QueueSort.CaseNumber when Domain.Cases.CaseNumber.TryParse(key, out var number) =>
                new(sort, descending, null, null, number, id),
            _ => null,
        };
    }
}
