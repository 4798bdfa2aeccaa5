using System;
using System.Linq;

namespace Storefront
{
    public static class Program
    {
        public static void Main()
        {
            using var db = new StorefrontContext();
            Console.WriteLine($"Entity types: {db.Model.GetEntityTypes().Count()}");
        }
    }
}
