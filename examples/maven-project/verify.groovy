// After the invoker's builds of examples/maven-project: what the lifecycle must have produced.
def out = new File(basedir, 'target/ztc')
assert new File(out, 'ir.json').isFile()
assert new File(out, 'terraform/modules/iam/main.tf').isFile()
assert new File(out, 'opa/bundle.tar.gz').isFile()
def sarif = new File(basedir, 'target/ztc-reports/verify.sarif')
assert sarif.isFile() && sarif.text.contains('"version" : "2.1.0"')
def junit = new File(basedir, 'target/ztc-reports/TEST-ztc-validate.xml')
assert junit.isFile() && junit.text.contains('failures="0"')
def planCheck = new File(basedir, 'target/ztc-reports/plan-check.sarif')
assert planCheck.isFile() && planCheck.text.contains('"results" : [ ]')
def log = new File(basedir, 'build.log').text
assert log.contains('ztc: skipped (ztc.skip is true)')
assert log.contains('verify: 23 checks, 0 errors')
assert log.contains('plan-check: 6 checks, 0 errors, 0 warnings, 0 notes')
return true
