"""医养台账 (Yiyang Desktop): records, assessments and returns for small elderly-care institutions."""

__version__ = "0.1.0"
APP_ID = "yiyang"
APP_NAME = "医养台账"
