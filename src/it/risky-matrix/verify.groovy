def log = new File(basedir, 'build.log').text
assert log.contains('ZT201')
assert log.contains('OPEN-DB-1')
assert log.contains('(<failOn>)')
assert !new File(basedir, 'target/ztc-reports/TEST-ztc-validate.xml').exists() // the build stopped at verify
return true
