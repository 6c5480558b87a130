<html><body>not picked points</body></html>
