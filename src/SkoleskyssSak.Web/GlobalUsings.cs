// What every page uses to send a use case and show its result: results and failures (Common), a case's texts (Cases).
global using SkoleskyssSak.Application.Cases;
global using SkoleskyssSak.Application.Common;
