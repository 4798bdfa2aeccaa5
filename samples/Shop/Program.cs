using System;
using System.Linq;
using Microsoft.EntityFrameworkCore;

namespace Shop
{
    public static class Program
    {
        public static void Main()
        {
            using var db = new ShopContext();

            // Bring shop.db up to the latest migration (creates the file on first run).
            db.Database.Migrate();

            var customer = new Customer
            {
                Name = "Ada Lovelace",
                Email = $"ada+{Guid.NewGuid():N}@example.com",
            };
            var product = new Product
            {
                Name = "Analytical Engine",
                Price = 1843.00m,
            };
            db.Orders.Add(new Order
            {
                Customer = customer,
                Product = product,
                Quantity = 1,
                PlacedAt = DateTime.UtcNow,
            });
            db.SaveChanges();

            Console.WriteLine($"Customers: {db.Customers.Count()}");
            Console.WriteLine($"Products:  {db.Products.Count()}");
            Console.WriteLine($"Orders:    {db.Orders.Count()}");
        }
    }
}
