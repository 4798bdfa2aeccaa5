using System.Linq;
using Microsoft.EntityFrameworkCore;

namespace Shop
{
    /// <summary>
    /// A report written before <c>Product.Discontinued</c> left the model. Its SQL still names the column, which the
    /// compiler cannot see once the property is gone; BG0011 does, here and at the migration that drops it.
    /// </summary>
    public static class Reports
    {
        public static int DiscontinuedProducts(ShopContext db) =>
            db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"Products\" WHERE \"Discontinued\" = 1").Single();
    }
}
