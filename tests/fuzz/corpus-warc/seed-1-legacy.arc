filedesc://legacy.arc 127.0.0.1 20140216050221 text/plain 74
1 0 make-fixtures
URL IP-address Archive-date Content-type Archive-length

http://cafe.example/reopens 93.184.216.34 20140216050222 text/html 311
HTTP/1.1 200 OK
Content-Type: text/html; charset=windows-1252

<html><head><title>Café reopens</title></head><body><article><p>The café on Main Street reopened on Monday after a fire in March, its owner said.</p><p>Regulars queued before dawn for the first “café crème” in months.</p></article></body></html>
dns:cafe.example 127.0.0.1 20140216050223 text/dns 14
93.184.216.34

