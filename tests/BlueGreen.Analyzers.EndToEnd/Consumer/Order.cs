using System;

namespace Storefront
{
    public class Order
    {
        public int Id { get; set; }

        public DateTime PlacedAt { get; set; }

        public int Quantity { get; set; }

        public int CustomerId { get; set; }

        public Customer? Customer { get; set; }

        public int ProductId { get; set; }

        public Product? Product { get; set; }
    }
}
