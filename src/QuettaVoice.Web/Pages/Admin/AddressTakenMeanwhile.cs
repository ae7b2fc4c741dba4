using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using QuettaVoice.Web.Data;

namespace QuettaVoice.Web.Pages.Admin;

/// <summary>
/// Saves a story, author or section whose address (slug) was checked free before the save. Two saves at once can
/// both find a new address free; the second then breaks on the address's unique index, which was a 500 that lost
/// what was typed. When the address is taken now, that is said beside its field and the form is to be shown again.
/// </summary>
public static class AddressTakenMeanwhile
{
    /// <returns>True when saved; false when the address was taken meanwhile, with the error added.</returns>
    public static async Task<bool> SaveAsync(NewsDb db, ModelStateDictionary modelState, string field, string message, Func<Task<bool>> takenNow)
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            if (!await takenNow())
            {
                throw;
            }

            modelState.AddModelError(field, message);
            return false;
        }
    }
}
