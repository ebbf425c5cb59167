"""What every layer shares: positions (Span), values with their origin (Setting), reader
problems, decoded file text and the read context. It imports nothing else of wsgilint."""
