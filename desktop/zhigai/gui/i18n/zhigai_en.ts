<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About Zhigai</source>
            <translation>About Zhigai</translation>
        </message>
        <message>
            <source>Zhigai</source>
            <translation>Zhigai</translation>
        </message>
        <message>
            <source>Intelligent-transformation readiness assessment for manufacturing SMEs: stage, roadmap, supports, financing and a bank-ready report. Works offline.</source>
            <translation>Intelligent-transformation readiness assessment for manufacturing SMEs: stage, roadmap, supports, financing and a bank-ready report. Works offline.</translation>
        </message>
        <message>
            <source>Data files</source>
            <translation>Data files</translation>
        </message>
        <message>
            <source>Where your data is kept</source>
            <translation>Where your data is kept</translation>
        </message>
        <message>
            <source>Software</source>
            <translation>Software</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>Data store: %1</source>
            <translation>Data store: %1</translation>
        </message>
        <message>
            <source>Settings: %1</source>
            <translation>Settings: %1</translation>
        </message>
        <message>
            <source>Licence: Apache-2.0. Policy figures come from the public sources named above; verify current terms with the issuing office.</source>
            <translation>Licence: Apache-2.0. Policy figures come from the public sources named above; verify current terms with the issuing office.</translation>
        </message>
    </context>
    <context>
        <name>AssessmentPage</name>
        <message>
            <source>← All assessments</source>
            <translation>← All assessments</translation>
        </message>
        <message>
            <source>Try again now</source>
            <translation>Try again now</translation>
        </message>
        <message>
            <source>Export bundle…</source>
            <translation>Export bundle…</translation>
        </message>
        <message>
            <source>Save this assessment with its photos as a .zhigai file to import on another computer (Ctrl+Shift+E)</source>
            <translation>Save this assessment with its photos as a .zhigai file to import on another computer (Ctrl+Shift+E)</translation>
        </message>
        <message>
            <source>Export PDF…</source>
            <translation>Export PDF…</translation>
        </message>
        <message>
            <source>Print the report for the bank or the file (Ctrl+E)</source>
            <translation>Print the report for the bank or the file (Ctrl+E)</translation>
        </message>
        <message>
            <source>Company profile</source>
            <translation>Company profile</translation>
        </message>
        <message>
            <source>Questionnaire</source>
            <translation>Questionnaire</translation>
        </message>
        <message>
            <source>Results</source>
            <translation>Results</translation>
        </message>
        <message>
            <source>Official level</source>
            <translation>Official level</translation>
        </message>
        <message>
            <source>Plan</source>
            <translation>Plan</translation>
        </message>
        <message>
            <source>Supports</source>
            <translation>Supports</translation>
        </message>
        <message>
            <source>Financing</source>
            <translation>Financing</translation>
        </message>
        <message>
            <source>Bank file</source>
            <translation>Bank file</translation>
        </message>
        <message>
            <source>Sample assessment: a fictional firm to explore Zhigai. Change anything you like; delete it from the list of assessments when you are done.</source>
            <translation>Sample assessment: a fictional firm to explore Zhigai. Change anything you like; delete it from the list of assessments when you are done.</translation>
        </message>
        <message>
            <source>Some stored values cannot be used and are left out of the results until they are corrected:</source>
            <translation>Some stored values cannot be used and are left out of the results until they are corrected:</translation>
        </message>
        <message>
            <source>
… and %1 more</source>
            <translation>
… and %1 more</translation>
        </message>
        <message>
            <source>All changes are saved automatically</source>
            <translation>All changes are saved automatically</translation>
        </message>
        <message>
            <source>New assessment</source>
            <translation>New assessment</translation>
        </message>
        <message>
            <source>Expert-verified · %1</source>
            <translation>Expert-verified · %1</translation>
        </message>
        <message>
            <source>Assessor…</source>
            <translation>Assessor…</translation>
        </message>
        <message>
            <source>Change the assessor recorded for this verification</source>
            <translation>Change the assessor recorded for this verification</translation>
        </message>
        <message>
            <source>Verify on site…</source>
            <translation>Verify on site…</translation>
        </message>
        <message>
            <source>As an expert, confirm or correct the owner's answers and record evidence; the owner's answers are kept</source>
            <translation>As an expert, confirm or correct the owner's answers and record evidence; the owner's answers are kept</translation>
        </message>
        <message>
            <source>You are about to verify this assessment as an expert. The owner's answers stay as they are and are shown beside each question; what you change is recorded with your name. Results and the report show where the two differ.</source>
            <translation>You are about to verify this assessment as an expert. The owner's answers stay as they are and are shown beside each question; what you change is recorded with your name. Results and the report show where the two differ.</translation>
        </message>
        <message>
            <source>Verification started: the owner's answers are kept</source>
            <translation>Verification started: the owner's answers are kept</translation>
        </message>
        <message>
            <source>Export bundle</source>
            <translation>Export bundle</translation>
        </message>
        <message>
            <source>Zhigai bundle (*.zhigai)</source>
            <translation>Zhigai bundle (*.zhigai)</translation>
        </message>
        <message>
            <source>Bundle saved: %1</source>
            <translation>Bundle saved: %1</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>Saved %1</translation>
        </message>
        <message>
            <source>Saved again meanwhile</source>
            <translation>Saved again meanwhile</translation>
        </message>
        <message>
            <source>Someone saved this assessment again while you were comparing, so your choices were not saved. The comparison opens again with what is stored now: please choose once more.</source>
            <translation>Someone saved this assessment again while you were comparing, so your choices were not saved. The comparison opens again with what is stored now: please choose once more.</translation>
        </message>
        <message>
            <source>Not saved yet: waiting for the database server</source>
            <translation>Not saved yet: waiting for the database server</translation>
        </message>
        <message>
            <source>Connection back: every change is saved</source>
            <translation>Connection back: every change is saved</translation>
        </message>
        <message>
            <source>Changes not saved yet</source>
            <translation>Changes not saved yet</translation>
        </message>
        <message>
            <source>%1 of your changes are not saved yet: the connection to the database server is lost. Stay on this page and they are saved as soon as it is back.</source>
            <translation>%1 of your changes are not saved yet: the connection to the database server is lost. Stay on this page and they are saved as soon as it is back.</translation>
        </message>
        <message>
            <source>&amp;Stay and wait</source>
            <translation>&amp;Stay and wait</translation>
        </message>
        <message>
            <source>&amp;Leave without them</source>
            <translation>&amp;Leave without them</translation>
        </message>
        <message>
            <source>Not saved: %1</source>
            <translation>Not saved: %1</translation>
        </message>
        <message>
            <source>Report saved: %1</source>
            <translation>Report saved: %1</translation>
        </message>
    </context>
    <context>
        <name>AssessmentTableModel</name>
        <message>
            <source>Company</source>
            <translation>Company</translation>
        </message>
        <message>
            <source>Industry</source>
            <translation>Industry</translation>
        </message>
        <message>
            <source>City</source>
            <translation>City</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Stage (index / gates)</source>
            <translation>Stage (index / gates)</translation>
        </message>
        <message>
            <source>Stage by weighted index / by the stage gates</source>
            <translation>Stage by weighted index / by the stage gates</translation>
        </message>
        <message>
            <source>(no name yet)</source>
            <translation>(no name yet)</translation>
        </message>
        <message>
            <source> (re-assessment of the assessment of %1)</source>
            <translation> (re-assessment of the assessment of %1)</translation>
        </message>
        <message>
            <source> (follow-up)</source>
            <translation> (follow-up)</translation>
        </message>
        <message>
            <source> (re-assessed on %1)</source>
            <translation> (re-assessed on %1)</translation>
        </message>
        <message>
            <source>Complete</source>
            <translation>Complete</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Draft</translation>
        </message>
    </context>
    <context>
        <name>AssessorDialog</name>
        <message>
            <source>Assessor profile</source>
            <translation>Assessor profile</translation>
        </message>
        <message>
            <source>e.g. the engineering-service company</source>
            <translation>e.g. the engineering-service company</translation>
        </message>
        <message>
            <source>e.g. the provincial expert service group</source>
            <translation>e.g. the provincial expert service group</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Service group</source>
            <translation>Service group</translation>
        </message>
        <message>
            <source>Enter the assessor's name.</source>
            <translation>Enter the assessor's name.</translation>
        </message>
    </context>
    <context>
        <name>AuditDialog</name>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>Who (computer)</source>
            <translation>Who (computer)</translation>
        </message>
        <message>
            <source>What</source>
            <translation>What</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>Before</translation>
        </message>
        <message>
            <source>After</source>
            <translation>After</translation>
        </message>
        <message>
            <source>answer</source>
            <translation>answer</translation>
        </message>
        <message>
            <source>owner's answer</source>
            <translation>owner's answer</translation>
        </message>
        <message>
            <source>evidence note</source>
            <translation>evidence note</translation>
        </message>
        <message>
            <source>photo</source>
            <translation>photo</translation>
        </message>
        <message>
            <source>checked on site</source>
            <translation>checked on site</translation>
        </message>
        <message>
            <source>material seen</source>
            <translation>material seen</translation>
        </message>
        <message>
            <source>the owner</source>
            <translation>the owner</translation>
        </message>
        <message>
            <source>No change of this question has been recorded yet.</source>
            <translation>No change of this question has been recorded yet.</translation>
        </message>
    </context>
    <context>
        <name>BankFileView</name>
        <message>
            <source>Bank file</source>
            <translation>Bank file</translation>
        </message>
        <message>
            <source>What a bank asks for beside the assessment. Everything is saved as you type and used in the financing advice; amounts in 10k yuan.</source>
            <translation>What a bank asks for beside the assessment. Everything is saved as you type and used in the financing advice; amounts in 10k yuan.</translation>
        </message>
        <message>
            <source>Tax status and collateral</source>
            <translation>Tax status and collateral</translation>
        </message>
        <message>
            <source>Not stated (the plan's tax rate, else 25%)</source>
            <translation>Not stated (the plan's tax rate, else 25%)</translation>
        </message>
        <message>
            <source>e.g. the factory building, 3,600 m², valued at 900 (10k yuan)</source>
            <translation>e.g. the factory building, 3,600 m², valued at 900 (10k yuan)</translation>
        </message>
        <message>
            <source>Tax status</source>
            <translation>Tax status</translation>
        </message>
        <message>
            <source>Collateral offered</source>
            <translation>Collateral offered</translation>
        </message>
        <message>
            <source>Accounts of the last three years (10k yuan)</source>
            <translation>Accounts of the last three years (10k yuan)</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>Revenue</source>
            <translation>Revenue</translation>
        </message>
        <message>
            <source>Net profit</source>
            <translation>Net profit</translation>
        </message>
        <message>
            <source>Total assets</source>
            <translation>Total assets</translation>
        </message>
        <message>
            <source>Liabilities</source>
            <translation>Liabilities</translation>
        </message>
        <message>
            <source>Operating cash flow</source>
            <translation>Operating cash flow</translation>
        </message>
        <message>
            <source>Existing loans</source>
            <translation>Existing loans</translation>
        </message>
        <message>
            <source>The firm has no existing loans</source>
            <translation>The firm has no existing loans</translation>
        </message>
        <message>
            <source>Lender</source>
            <translation>Lender</translation>
        </message>
        <message>
            <source>Balance (10k yuan)</source>
            <translation>Balance (10k yuan)</translation>
        </message>
        <message>
            <source>Repaid per year (10k yuan)</source>
            <translation>Repaid per year (10k yuan)</translation>
        </message>
        <message>
            <source>Rate (%)</source>
            <translation>Rate (%)</translation>
        </message>
        <message>
            <source>Last year</source>
            <translation>Last year</translation>
        </message>
        <message>
            <source>Add loan</source>
            <translation>Add loan</translation>
        </message>
        <message>
            <source>Remove loan</source>
            <translation>Remove loan</translation>
        </message>
        <message>
            <source>Permits for the project</source>
            <translation>Permits for the project</translation>
        </message>
        <message>
            <source>Permit</source>
            <translation>Permit</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Document number or office</source>
            <translation>Document number or office</translation>
        </message>
        <message>
            <source>Subsidies already received</source>
            <translation>Subsidies already received</translation>
        </message>
        <message>
            <source>Programme</source>
            <translation>Programme</translation>
        </message>
        <message>
            <source>Amount (10k yuan)</source>
            <translation>Amount (10k yuan)</translation>
        </message>
        <message>
            <source>Add subsidy</source>
            <translation>Add subsidy</translation>
        </message>
        <message>
            <source>Remove subsidy</source>
            <translation>Remove subsidy</translation>
        </message>
        <message>
            <source>The three years before the assessment (%1). Double-click a cell or start typing to fill it in. Net profit and operating cash flow may be negative; leave a cell empty when it is not known.</source>
            <translation>The three years before the assessment (%1). Double-click a cell or start typing to fill it in. Net profit and operating cash flow may be negative; leave a cell empty when it is not known.</translation>
        </message>
        <message>
            <source>Remove the loans listed to tick this</source>
            <translation>Remove the loans listed to tick this</translation>
        </message>
        <message>
            <source>Untick “no existing loans” to list a loan</source>
            <translation>Untick “no existing loans” to list a loan</translation>
        </message>
        <message>
            <source>Bank file: the value at %1 is not accepted (%2)</source>
            <translation>Bank file: the value at %1 is not accepted (%2)</translation>
        </message>
        <message>
            <source>Remove loan %1 (%2)? Its figures will be lost.</source>
            <translation>Remove loan %1 (%2)? Its figures will be lost.</translation>
        </message>
        <message>
            <source>Remove the subsidy “%1”? Its figures will be lost.</source>
            <translation>Remove the subsidy “%1”? Its figures will be lost.</translation>
        </message>
        <message>
            <source>Remove a row</source>
            <translation>Remove a row</translation>
        </message>
    </context>
    <context>
        <name>BankRows</name>
        <message>
            <source>Bank file: the value at %1 is not accepted (%2)</source>
            <translation>Bank file: the value at %1 is not accepted (%2)</translation>
        </message>
        <message>
            <source>%1: '%2' is not a rate; enter a percentage from 0 to 36</source>
            <translation>%1: '%2' is not a rate; enter a percentage from 0 to 36</translation>
        </message>
        <message>
            <source>%1: '%2' is not a year; enter a year such as 2025</source>
            <translation>%1: '%2' is not a year; enter a year such as 2025</translation>
        </message>
        <message>
            <source>%1: this cannot be empty</source>
            <translation>%1: this cannot be empty</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <source>answer</source>
            <translation>answer</translation>
        </message>
        <message>
            <source>company profile</source>
            <translation>company profile</translation>
        </message>
        <message>
            <source>evidence note</source>
            <translation>evidence note</translation>
        </message>
        <message>
            <source>photo</source>
            <translation>photo</translation>
        </message>
        <message>
            <source>checked on site</source>
            <translation>checked on site</translation>
        </message>
        <message>
            <source>material seen</source>
            <translation>material seen</translation>
        </message>
        <message>
            <source>project plan</source>
            <translation>project plan</translation>
        </message>
        <message>
            <source>expert verification</source>
            <translation>expert verification</translation>
        </message>
        <message>
            <source>assessor</source>
            <translation>assessor</translation>
        </message>
        <message>
            <source>(%1 earlier changes not listed)</source>
            <translation>(%1 earlier changes not listed)</translation>
        </message>
        <message>
            <source>Saved on another computer</source>
            <translation>Saved on another computer</translation>
        </message>
        <message>
            <source>Your last change was not saved: this assessment was saved by someone else after you opened it.</source>
            <translation>Your last change was not saved: this assessment was saved by someone else after you opened it.</translation>
        </message>
        <message>
            <source>Their changes:</source>
            <translation>Their changes:</translation>
        </message>
        <message>
            <source>Reload it to see the stored version.</source>
            <translation>Reload it to see the stored version.</translation>
        </message>
        <message>
            <source>&amp;Reload (show their changes)</source>
            <translation>&amp;Reload (show their changes)</translation>
        </message>
        <message>
            <source>Reload and save &amp;my change again</source>
            <translation>Reload and save &amp;my change again</translation>
        </message>
        <message>
            <source>&amp;Compare field by field…</source>
            <translation>&amp;Compare field by field…</translation>
        </message>
    </context>
    <context>
        <name>DateField</name>
        <message>
            <source>Click, or press Enter, Space or F4, to choose the date</source>
            <translation>Click, or press Enter, Space or F4, to choose the date</translation>
        </message>
    </context>
    <context>
        <name>DimensionTableModel</name>
        <message>
            <source>Dimension</source>
            <translation>Dimension</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Level</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>Stage</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>Owner's level</source>
            <translation>Owner's level</translation>
        </message>
        <message>
            <source>not assessed</source>
            <translation>not assessed</translation>
        </message>
        <message>
            <source> (enabler)</source>
            <translation> (enabler)</translation>
        </message>
    </context>
    <context>
        <name>EvidenceChecklist</name>
        <message>
            <source>Materials seen, per part</source>
            <translation>Materials seen, per part</translation>
        </message>
        <message>
            <source>%1 %2/%3 (%4%)</source>
            <translation>%1 %2/%3 (%4%)</translation>
        </message>
        <message>
            <source>photos for %1 indicators</source>
            <translation>photos for %1 indicators</translation>
        </message>
    </context>
    <context>
        <name>EvidenceFields</name>
        <message>
            <source>Add photo…</source>
            <translation>Add photo…</translation>
        </message>
        <message>
            <source>JPEG or PNG, up to 10 MB</source>
            <translation>JPEG or PNG, up to 10 MB</translation>
        </message>
        <message>
            <source>Add photos</source>
            <translation>Add photos</translation>
        </message>
        <message>
            <source>Photos (*.jpg *.jpeg *.png)</source>
            <translation>Photos (*.jpg *.jpeg *.png)</translation>
        </message>
    </context>
    <context>
        <name>EvidencePanel</name>
        <message>
            <source>Checked on site: the answer matches what I saw</source>
            <translation>Checked on site: the answer matches what I saw</translation>
        </message>
        <message>
            <source>Only checked answers count as verified in the results and the report; a corrected answer counts as checked.</source>
            <translation>Only checked answers count as verified in the results and the report; a corrected answer counts as checked.</translation>
        </message>
        <message>
            <source>History…</source>
            <translation>History…</translation>
        </message>
        <message>
            <source>Who changed this answer, when, from what to what</source>
            <translation>Who changed this answer, when, from what to what</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>not applicable</source>
            <translation>not applicable</translation>
        </message>
        <message>
            <source>(not answered)</source>
            <translation>(not answered)</translation>
        </message>
        <message>
            <source>Owner's answer: %1</source>
            <translation>Owner's answer: %1</translation>
        </message>
        <message>
            <source>— corrected by the expert</source>
            <translation>— corrected by the expert</translation>
        </message>
        <message>
            <source>Checked on site: corrected</source>
            <translation>Checked on site: corrected</translation>
        </message>
        <message>
            <source>History: %1</source>
            <translation>History: %1</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export PDF report</source>
            <translation>Export PDF report</translation>
        </message>
        <message>
            <source>Full report</source>
            <translation>Full report</translation>
        </message>
        <message>
            <source>Summary for the board and officials (1-2 pages)</source>
            <translation>Summary for the board and officials (1-2 pages)</translation>
        </message>
        <message>
            <source>Appendix with every answer</source>
            <translation>Appendix with every answer</translation>
        </message>
        <message>
            <source>optional</source>
            <translation>optional</translation>
        </message>
        <message>
            <source>Open the report when it is ready</source>
            <translation>Open the report when it is ready</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>Report language</source>
            <translation>Report language</translation>
        </message>
        <message>
            <source>What to print</source>
            <translation>What to print</translation>
        </message>
        <message>
            <source>Assessor</source>
            <translation>Assessor</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Save as</source>
            <translation>Save as</translation>
        </message>
        <message>
            <source>Verification code of this assessment: %1. Any later change to the answers, profile or project gives a new code.</source>
            <translation>Verification code of this assessment: %1. Any later change to the answers, profile or project gives a new code.</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>Save the report as</source>
            <translation>Save the report as</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Choose where to save the report.</source>
            <translation>Choose where to save the report.</translation>
        </message>
        <message>
            <source>%1 is a folder; add a file name.</source>
            <translation>%1 is a folder; add a file name.</translation>
        </message>
        <message>
            <source>The folder %1 does not exist.</source>
            <translation>The folder %1 does not exist.</translation>
        </message>
        <message>
            <source>%1 already exists. Replace it?</source>
            <translation>%1 already exists. Replace it?</translation>
        </message>
    </context>
    <context>
        <name>Exporter</name>
        <message>
            <source>Making the report…</source>
            <translation>Making the report…</translation>
        </message>
        <message>
            <source>Export PDF report</source>
            <translation>Export PDF report</translation>
        </message>
        <message>
            <source>The report was saved as %1. No PDF viewer could be started; open it from there.</source>
            <translation>The report was saved as %1. No PDF viewer could be started; open it from there.</translation>
        </message>
        <message>
            <source>The report was not made.</source>
            <translation>The report was not made.</translation>
        </message>
    </context>
    <context>
        <name>FieldEditor</name>
        <message>
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>Required</source>
            <translation>Required</translation>
        </message>
    </context>
    <context>
        <name>FinancingView</name>
        <message>
            <source>Investment and financing</source>
            <translation>Investment and financing</translation>
        </message>
        <message>
            <source>No project yet. Tick measures in the Plan or add project items to see the calculation.</source>
            <translation>No project yet. Tick measures in the Plan or add project items to see the calculation.</translation>
        </message>
        <message>
            <source>Rate / return (% a year)</source>
            <translation>Rate / return (% a year)</translation>
        </message>
        <message>
            <source>Term (years)</source>
            <translation>Term (years)</translation>
        </message>
        <message>
            <source>Share financed (%)</source>
            <translation>Share financed (%)</translation>
        </message>
        <message>
            <source>Profit share paid (%)</source>
            <translation>Profit share paid (%)</translation>
        </message>
        <message>
            <source>The advice data could not be loaded: %1</source>
            <translation>The advice data could not be loaded: %1</translation>
        </message>
        <message>
            <source>Investment</source>
            <translation>Investment</translation>
        </message>
        <message>
            <source>Subsidies counted</source>
            <translation>Subsidies counted</translation>
        </message>
        <message>
            <source>Net investment</source>
            <translation>Net investment</translation>
        </message>
        <message>
            <source>Annual net benefit</source>
            <translation>Annual net benefit</translation>
        </message>
        <message>
            <source>%1 years</source>
            <translation>%1 years</translation>
        </message>
        <message>
            <source>ROI</source>
            <translation>ROI</translation>
        </message>
        <message>
            <source>Break-even annual benefit</source>
            <translation>Break-even annual benefit</translation>
        </message>
        <message>
            <source>Safety margin</source>
            <translation>Safety margin</translation>
        </message>
        <message>
            <source>Expected</source>
            <translation>Expected</translation>
        </message>
        <message>
            <source>Benefits -20%</source>
            <translation>Benefits -20%</translation>
        </message>
        <message>
            <source>Investment +20%</source>
            <translation>Investment +20%</translation>
        </message>
        <message>
            <source>Both</source>
            <translation>Both</translation>
        </message>
        <message>
            <source>Scenario</source>
            <translation>Scenario</translation>
        </message>
        <message>
            <source>Financed</source>
            <translation>Financed</translation>
        </message>
        <message>
            <source>Financing cost</source>
            <translation>Financing cost</translation>
        </message>
        <message>
            <source>Lowest DSCR</source>
            <translation>Lowest DSCR</translation>
        </message>
        <message>
            <source>Recommended for this firm and project.</source>
            <translation>Recommended for this firm and project.</translation>
        </message>
        <message>
            <source>Still owed to the financier</source>
            <translation>Still owed to the financier</translation>
        </message>
        <message>
            <source>Repayment schedule: %1</source>
            <translation>Repayment schedule: %1</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>Payment</source>
            <translation>Payment</translation>
        </message>
        <message>
            <source>Interest / cost</source>
            <translation>Interest / cost</translation>
        </message>
        <message>
            <source>Principal</source>
            <translation>Principal</translation>
        </message>
        <message>
            <source>DSCR</source>
            <translation>DSCR</translation>
        </message>
        <message>
            <source>Project benefit</source>
            <translation>Project benefit</translation>
        </message>
        <message>
            <source>If things go worse</source>
            <translation>If things go worse</translation>
        </message>
        <message>
            <source>Financing structures compared</source>
            <translation>Financing structures compared</translation>
        </message>
        <message>
            <source>Terms (change them to the offer you have)</source>
            <translation>Terms (change them to the offer you have)</translation>
        </message>
        <message>
            <source>Use this structure</source>
            <translation>Use this structure</translation>
        </message>
        <message>
            <source>before tax: %1</source>
            <translation>before tax: %1</translation>
        </message>
        <message>
            <source>before tax, at full output</source>
            <translation>before tax, at full output</translation>
        </message>
        <message>
            <source>NPV after tax (%1, %2 years)</source>
            <translation>NPV after tax (%1, %2 years)</translation>
        </message>
        <message>
            <source>IRR after tax</source>
            <translation>IRR after tax</translation>
        </message>
        <message>
            <source>Payback after tax</source>
            <translation>Payback after tax</translation>
        </message>
        <message>
            <source>simple payback before tax: %1</source>
            <translation>simple payback before tax: %1</translation>
        </message>
        <message>
            <source>Income tax rate</source>
            <translation>Income tax rate</translation>
        </message>
        <message>
            <source>after-tax NPV is zero</source>
            <translation>after-tax NPV is zero</translation>
        </message>
        <message>
            <source>Residual value at the end</source>
            <translation>Residual value at the end</translation>
        </message>
        <message>
            <source>tax status: %1</source>
            <translation>tax status: %1</translation>
        </message>
        <message>
            <source>as given in the plan</source>
            <translation>as given in the plan</translation>
        </message>
        <message>
            <source>general rate (no tax status in the bank file)</source>
            <translation>general rate (no tax status in the bank file)</translation>
        </message>
        <message>
            <source>NPV after tax</source>
            <translation>NPV after tax</translation>
        </message>
        <message>
            <source>NPV before tax</source>
            <translation>NPV before tax</translation>
        </message>
        <message>
            <source>Simple payback (years)</source>
            <translation>Simple payback (years)</translation>
        </message>
        <message>
            <source>Lowest DSCR: of the first-ranked structure, %1, on its terms. DSCR: what the firm earns in a year divided by what it must repay that year; a bank wants at least %2.</source>
            <translation>Lowest DSCR: of the first-ranked structure, %1, on its terms. DSCR: what the firm earns in a year divided by what it must repay that year; a bank wants at least %2.</translation>
        </message>
        <message>
            <source>own money share</source>
            <translation>own money share</translation>
        </message>
        <message>
            <source>repayment cover (DSCR)</source>
            <translation>repayment cover (DSCR)</translation>
        </message>
        <message>
            <source>interest cover (ICR)</source>
            <translation>interest cover (ICR)</translation>
        </message>
        <message>
            <source>repaid within the term</source>
            <translation>repaid within the term</translation>
        </message>
        <message>
            <source>own funds available</source>
            <translation>own funds available</translation>
        </message>
        <message>
            <source>debt ratio after the project</source>
            <translation>debt ratio after the project</translation>
        </message>
        <message>
            <source>Fails: %1</source>
            <translation>Fails: %1</translation>
        </message>
        <message>
            <source>Passes the bank's tests (to confirm: %1)</source>
            <translation>Passes the bank's tests (to confirm: %1)</translation>
        </message>
        <message>
            <source>Passes the bank's tests</source>
            <translation>Passes the bank's tests</translation>
        </message>
        <message>
            <source>Recommended</source>
            <translation>Recommended</translation>
        </message>
        <message>
            <source>Your choice</source>
            <translation>Your choice</translation>
        </message>
        <message>
            <source>Structure</source>
            <translation>Structure</translation>
        </message>
        <message>
            <source>Bank's tests</source>
            <translation>Bank's tests</translation>
        </message>
        <message>
            <source>Own money</source>
            <translation>Own money</translation>
        </message>
        <message>
            <source>Lowest ICR</source>
            <translation>Lowest ICR</translation>
        </message>
        <message>
            <source>The bank's tests</source>
            <translation>The bank's tests</translation>
        </message>
        <message>
            <source>For and against</source>
            <translation>For and against</translation>
        </message>
        <message>
            <source>proposed (default %1)</source>
            <translation>proposed (default %1)</translation>
        </message>
        <message>
            <source>Own contribution and payments</source>
            <translation>Own contribution and payments</translation>
        </message>
        <message>
            <source>Cumulative cash</source>
            <translation>Cumulative cash</translation>
        </message>
        <message>
            <source>10k yuan</source>
            <translation>10k yuan</translation>
        </message>
        <message>
            <source>Still owed</source>
            <translation>Still owed</translation>
        </message>
        <message>
            <source>Existing loans</source>
            <translation>Existing loans</translation>
        </message>
        <message>
            <source>Interest subsidy</source>
            <translation>Interest subsidy</translation>
        </message>
        <message>
            <source>ICR</source>
            <translation>ICR</translation>
        </message>
    </context>
    <context>
        <name>HomePage</name>
        <message>
            <source>Assessments</source>
            <translation>Assessments</translation>
        </message>
        <message>
            <source>Search company, city, industry…</source>
            <translation>Search company, city, industry…</translation>
        </message>
        <message>
            <source>&amp;New assessment</source>
            <translation>&amp;New assessment</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;Open</translation>
        </message>
        <message>
            <source>&amp;Re-assess</source>
            <translation>&amp;Re-assess</translation>
        </message>
        <message>
            <source>Start a follow-up assessment from the selected one; the history is kept</source>
            <translation>Start a follow-up assessment from the selected one; the history is kept</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Delete</translation>
        </message>
        <message>
            <source>&amp;Import…</source>
            <translation>&amp;Import…</translation>
        </message>
        <message>
            <source>Import .zhigai bundles from a site visit or another computer (Ctrl+I)</source>
            <translation>Import .zhigai bundles from a site visit or another computer (Ctrl+I)</translation>
        </message>
        <message>
            <source>&amp;Portfolio</source>
            <translation>&amp;Portfolio</translation>
        </message>
        <message>
            <source>All firms with filters, charts, peer benchmarks and Excel export (Ctrl+Shift+P)</source>
            <translation>All firms with filters, charts, peer benchmarks and Excel export (Ctrl+Shift+P)</translation>
        </message>
        <message>
            <source>Opening the store…</source>
            <translation>Opening the store…</translation>
        </message>
        <message>
            <source>No assessment matches “%1”.</source>
            <translation>No assessment matches “%1”.</translation>
        </message>
        <message>
            <source>No assessments yet.
Click “New assessment” to assess a factory; it takes 20-40 minutes and every answer is saved at once.</source>
            <translation>No assessments yet.
Click “New assessment” to assess a factory; it takes 20-40 minutes and every answer is saved at once.</translation>
        </message>
        <message>
            <source>Found: %1</source>
            <translation>Found: %1</translation>
        </message>
        <message>
            <source>Total: %1</source>
            <translation>Total: %1</translation>
        </message>
        <message>
            <source>Store</source>
            <translation>Store</translation>
        </message>
        <message>
            <source>Re-assess</source>
            <translation>Re-assess</translation>
        </message>
        <message>
            <source>(no name yet)</source>
            <translation>(no name yet)</translation>
        </message>
        <message>
            <source>Start a re-assessment of %1?</source>
            <translation>Start a re-assessment of %1?</translation>
        </message>
        <message>
            <source>This makes a new assessment of the same firm that starts from the answers of the assessment of %1; check and update them. The earlier assessment stays unchanged and becomes the baseline the new one is compared with.</source>
            <translation>This makes a new assessment of the same firm that starts from the answers of the assessment of %1; check and update them. The earlier assessment stays unchanged and becomes the baseline the new one is compared with.</translation>
        </message>
        <message>
            <source>Delete assessment</source>
            <translation>Delete assessment</translation>
        </message>
        <message>
            <source>Delete the assessment of %1 made on %2?
Its answers are removed from this computer and cannot be restored.</source>
            <translation>Delete the assessment of %1 made on %2?
Its answers are removed from this computer and cannot be restored.</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
    </context>
    <context>
        <name>IndicatorCard</name>
        <message>
            <source>from the answers: %1</source>
            <translation>from the answers: %1</translation>
        </message>
        <message>
            <source>from the answers: %1 of %2 points</source>
            <translation>from the answers: %1 of %2 points</translation>
        </message>
    </context>
    <context>
        <name>ItemsModel</name>
        <message>
            <source>(suggest from the description)</source>
            <translation>(suggest from the description)</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>Measure</translation>
        </message>
        <message>
            <source>Unit price (10k yuan)</source>
            <translation>Unit price (10k yuan)</translation>
        </message>
        <message>
            <source>Total (10k yuan)</source>
            <translation>Total (10k yuan)</translation>
        </message>
        <message>
            <source>Supplier (optional)</source>
            <translation>Supplier (optional)</translation>
        </message>
        <message>
            <source>(none fits: choose one)</source>
            <translation>(none fits: choose one)</translation>
        </message>
        <message>
            <source> (suggested)</source>
            <translation> (suggested)</translation>
        </message>
    </context>
    <context>
        <name>LoansModel</name>
        <message>
            <source>Existing loan %1</source>
            <translation>Existing loan %1</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Zhigai</source>
            <translation>Zhigai</translation>
        </message>
        <message>
            <source>Zhigai · Intelligent-transformation readiness</source>
            <translation>Zhigai · Intelligent-transformation readiness</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;New assessment</source>
            <translation>&amp;New assessment</translation>
        </message>
        <message>
            <source>Choose data &amp;store…</source>
            <translation>Choose data &amp;store…</translation>
        </message>
        <message>
            <source>&amp;Import bundles…</source>
            <translation>&amp;Import bundles…</translation>
        </message>
        <message>
            <source>Assessor &amp;profile…</source>
            <translation>Assessor &amp;profile…</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Settings…</translation>
        </message>
        <message>
            <source>&amp;Welcome and first steps</source>
            <translation>&amp;Welcome and first steps</translation>
        </message>
        <message>
            <source>Add the &amp;sample assessment</source>
            <translation>Add the &amp;sample assessment</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>&amp;Portfolio and benchmarks</source>
            <translation>&amp;Portfolio and benchmarks</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;About Zhigai</source>
            <translation>&amp;About Zhigai</translation>
        </message>
        <message>
            <source>now</source>
            <translation>now</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Some settings could not be read and were reset to their defaults. Check them in File → Settings.</source>
            <translation>Some settings could not be read and were reset to their defaults. Check them in File → Settings.</translation>
        </message>
        <message>
            <source>Sample assessment</source>
            <translation>Sample assessment</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Error</translation>
        </message>
        <message>
            <source>Waiting for the data store…</source>
            <translation>Waiting for the data store…</translation>
        </message>
        <message>
            <source>Opening the data store…</source>
            <translation>Opening the data store…</translation>
        </message>
        <message>
            <source>Data store</source>
            <translation>Data store</translation>
        </message>
        <message>
            <source>No data store open (File → Choose data store)</source>
            <translation>No data store open (File → Choose data store)</translation>
        </message>
        <message>
            <source>Data: %1</source>
            <translation>Data: %1</translation>
        </message>
        <message>
            <source>Data (read-only, update Zhigai to change it): %1</source>
            <translation>Data (read-only, update Zhigai to change it): %1</translation>
        </message>
        <message>
            <source>Loading the questionnaires…</source>
            <translation>Loading the questionnaires…</translation>
        </message>
        <message>
            <source>Open assessment</source>
            <translation>Open assessment</translation>
        </message>
        <message>
            <source>Re-assess</source>
            <translation>Re-assess</translation>
        </message>
        <message>
            <source>Import bundles</source>
            <translation>Import bundles</translation>
        </message>
        <message>
            <source>Zhigai bundles (*.zhigai);;Assessment files (*.json)</source>
            <translation>Zhigai bundles (*.zhigai);;Assessment files (*.json)</translation>
        </message>
        <message>
            <source>%1: skipped; nothing changed</source>
            <translation>%1: skipped; nothing changed</translation>
        </message>
    </context>
    <context>
        <name>MergeDialog</name>
        <message>
            <source>Assessment edited on two computers</source>
            <translation>Assessment edited on two computers</translation>
        </message>
        <message>
            <source>%1 was changed both here (revision %2) and on the computer the bundle comes from. Choose for each difference which value to keep. Rows changed on one side only are preset to that side; rows marked ⚠ were changed on both sides and need your choice. Nothing is saved until you press Merge.</source>
            <translation>%1 was changed both here (revision %2) and on the computer the bundle comes from. Choose for each difference which value to keep. Rows changed on one side only are preset to that side; rows marked ⚠ were changed on both sides and need your choice. Nothing is saved until you press Merge.</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Field</translation>
        </message>
        <message>
            <source>This computer</source>
            <translation>This computer</translation>
        </message>
        <message>
            <source>Bundle</source>
            <translation>Bundle</translation>
        </message>
        <message>
            <source>Changed on</source>
            <translation>Changed on</translation>
        </message>
        <message>
            <source>%1 was saved by someone else (now revision %2) after you opened it, and your last change was not saved. Choose for each difference which value to keep: their changes are preset to theirs, yours to yours; rows marked ⚠ were changed by both of you and need your choice. Nothing is saved until you press Merge.</source>
            <translation>%1 was saved by someone else (now revision %2) after you opened it, and your last change was not saved. Choose for each difference which value to keep: their changes are preset to theirs, yours to yours; rows marked ⚠ were changed by both of you and need your choice. Nothing is saved until you press Merge.</translation>
        </message>
        <message>
            <source>Keep</source>
            <translation>Keep</translation>
        </message>
        <message>
            <source>— choose —</source>
            <translation>— choose —</translation>
        </message>
        <message>
            <source>Keep all of theirs</source>
            <translation>Keep all of theirs</translation>
        </message>
        <message>
            <source>Keep everything from this computer</source>
            <translation>Keep everything from this computer</translation>
        </message>
        <message>
            <source>Keep all of mine</source>
            <translation>Keep all of mine</translation>
        </message>
        <message>
            <source>Take everything from the bundle</source>
            <translation>Take everything from the bundle</translation>
        </message>
        <message>
            <source>Merge</source>
            <translation>Merge</translation>
        </message>
        <message>
            <source>Saved by others</source>
            <translation>Saved by others</translation>
        </message>
        <message>
            <source>Mine</source>
            <translation>Mine</translation>
        </message>
        <message>
            <source>Owner's answer: </source>
            <translation>Owner's answer: </translation>
        </message>
        <message>
            <source>Evidence: </source>
            <translation>Evidence: </translation>
        </message>
        <message>
            <source>Profile: </source>
            <translation>Profile: </translation>
        </message>
        <message>
            <source>Type of assessment</source>
            <translation>Type of assessment</translation>
        </message>
        <message>
            <source>Assessor</source>
            <translation>Assessor</translation>
        </message>
        <message>
            <source>Project plan</source>
            <translation>Project plan</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>not applicable</source>
            <translation>not applicable</translation>
        </message>
        <message>
            <source>(%1 photos)</source>
            <translation>(%1 photos)</translation>
        </message>
        <message>
            <source>Expert-verified</source>
            <translation>Expert-verified</translation>
        </message>
        <message>
            <source>Self-assessment</source>
            <translation>Self-assessment</translation>
        </message>
        <message>
            <source>%1 investment items</source>
            <translation>%1 investment items</translation>
        </message>
        <message>
            <source> (whose assessment it is: confirm)</source>
            <translation> (whose assessment it is: confirm)</translation>
        </message>
        <message>
            <source>outside Zhigai</source>
            <translation>outside Zhigai</translation>
        </message>
        <message>
            <source>both</source>
            <translation>both</translation>
        </message>
        <message>
            <source>both of us</source>
            <translation>both of us</translation>
        </message>
        <message>
            <source>this computer</source>
            <translation>this computer</translation>
        </message>
        <message>
            <source>by others</source>
            <translation>by others</translation>
        </message>
        <message>
            <source>bundle</source>
            <translation>bundle</translation>
        </message>
        <message>
            <source>by me</source>
            <translation>by me</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>unknown</translation>
        </message>
        <message>
            <source>%1 differences still need a choice</source>
            <translation>%1 differences still need a choice</translation>
        </message>
        <message>
            <source>Every difference is decided</source>
            <translation>Every difference is decided</translation>
        </message>
    </context>
    <context>
        <name>NewAssessmentPage</name>
        <message>
            <source>New assessment</source>
            <translation>New assessment</translation>
        </message>
        <message>
            <source>Fill in the company profile (fields marked * are required). It is not scored; it decides the industry questions and is used for advice and the report.</source>
            <translation>Fill in the company profile (fields marked * are required). It is not scored; it decides the industry questions and is used for advice and the report.</translation>
        </message>
        <message>
            <source>&amp;Questionnaire:</source>
            <translation>&amp;Questionnaire:</translation>
        </message>
        <message>
            <source>Restored the form you had not finished</source>
            <translation>Restored the form you had not finished</translation>
        </message>
        <message>
            <source>C&amp;lear</source>
            <translation>C&amp;lear</translation>
        </message>
        <message>
            <source>Start again with an empty form</source>
            <translation>Start again with an empty form</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>&amp;Create and start</source>
            <translation>&amp;Create and start</translation>
        </message>
        <message>
            <source>This industry adds: %1 (%2 questions)</source>
            <translation>This industry adds: %1 (%2 questions)</translation>
        </message>
        <message>
            <source>Please check: %1</source>
            <translation>Please check: %1</translation>
        </message>
        <message>
            <source>Switch the questionnaire?</source>
            <translation>Switch the questionnaire?</translation>
        </message>
        <message>
            <source>This questionnaire does not ask for %1; what you typed there will be cleared.</source>
            <translation>This questionnaire does not ask for %1; what you typed there will be cleared.</translation>
        </message>
        <message>
            <source>Discard this unsaved new assessment?</source>
            <translation>Discard this unsaved new assessment?</translation>
        </message>
        <message>
            <source>&amp;Discard</source>
            <translation>&amp;Discard</translation>
        </message>
        <message>
            <source>&amp;Keep editing</source>
            <translation>&amp;Keep editing</translation>
        </message>
    </context>
    <context>
        <name>NoteEdit</name>
        <message>
            <source>Evidence note: what you saw, documents checked, who you spoke to (saved as you type)</source>
            <translation>Evidence note: what you saw, documents checked, who you spoke to (saved as you type)</translation>
        </message>
        <message>
            <source>Evidence note</source>
            <translation>Evidence note</translation>
        </message>
        <message>
            <source>The note is too long (at most %1 characters)</source>
            <translation>The note is too long (at most %1 characters)</translation>
        </message>
    </context>
    <context>
        <name>OfficialView</name>
        <message>
            <source>Estimated official level</source>
            <translation>Estimated official level</translation>
        </message>
        <message>
            <source>Answer them</source>
            <translation>Answer them</translation>
        </message>
        <message>
            <source>Go to the first of these questions in the questionnaire</source>
            <translation>Go to the first of these questions in the questionnaire</translation>
        </message>
        <message>
            <source>The three scored parts</source>
            <translation>The three scored parts</translation>
        </message>
        <message>
            <source>Digital operations: the 16 scenarios</source>
            <translation>Digital operations: the 16 scenarios</translation>
        </message>
        <message>
            <source>What each level asks for</source>
            <translation>What each level asks for</translation>
        </message>
        <message>
            <source>Milestones: supports paid only above a level</source>
            <translation>Milestones: supports paid only above a level</translation>
        </message>
        <message>
            <source>None of the supports the firm is eligible or nearly eligible for asks for an official level.</source>
            <translation>None of the supports the firm is eligible or nearly eligible for asks for an official level.</translation>
        </message>
        <message>
            <source>Evidence checklist for the on-site rating</source>
            <translation>Evidence checklist for the on-site rating</translation>
        </message>
        <message>
            <source>The checklist of the materials a rater asks for, indicator by indicator, appears during an expert verification (Verify on site… at the top).</source>
            <translation>The checklist of the materials a rater asks for, indicator by indicator, appears during an expert verification (Verify on site… at the top).</translation>
        </message>
        <message>
            <source>The advice data could not be loaded: %1</source>
            <translation>The advice data could not be loaded: %1</translation>
        </message>
        <message>
            <source>No official-level lens fits the questionnaire of this assessment (%1 %2), so no official level is estimated.</source>
            <translation>No official-level lens fits the questionnaire of this assessment (%1 %2), so no official level is estimated.</translation>
        </message>
        <message>
            <source>After the project (estimate): %1 (score %2)</source>
            <translation>After the project (estimate): %1 (score %2)</translation>
        </message>
        <message>
            <source>Official level</source>
            <translation>Official level</translation>
        </message>
        <message>
            <source>%1 after the project</source>
            <translation>%1 after the project</translation>
        </message>
        <message>
            <source>The questionnaire of this assessment (version %1) does not ask %2 of the questions the estimate reads: they came with questionnaire 1.2, so those indicators count as unknown. A follow-up assessment uses the newest questionnaire and asks them.</source>
            <translation>The questionnaire of this assessment (version %1) does not ask %2 of the questions the estimate reads: they came with questionnaire 1.2, so those indicators count as unknown. A follow-up assessment uses the newest questionnaire and asks them.</translation>
        </message>
        <message>
            <source>Unanswered questions the estimate reads: %1</source>
            <translation>Unanswered questions the estimate reads: %1</translation>
        </message>
        <message>
            <source>%1 (up to %2)</source>
            <translation>%1 (up to %2)</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>Part</source>
            <translation>Part</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Points</translation>
        </message>
        <message>
            <source>Of</source>
            <translation>Of</translation>
        </message>
        <message>
            <source>After the project</source>
            <translation>After the project</translation>
        </message>
        <message>
            <source>Does not apply to this firm: counts as no level</source>
            <translation>Does not apply to this firm: counts as no level</translation>
        </message>
        <message>
            <source>Top level reached</source>
            <translation>Top level reached</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>Group</translation>
        </message>
        <message>
            <source>Scenario</source>
            <translation>Scenario</translation>
        </message>
        <message>
            <source>Constraint</source>
            <translation>Constraint</translation>
        </message>
        <message>
            <source>Level now</source>
            <translation>Level now</translation>
        </message>
        <message>
            <source>The next level asks for</source>
            <translation>The next level asks for</translation>
        </message>
        <message>
            <source>%1 constraint scenario. A level in brackets is the highest the unanswered questions could still give.</source>
            <translation>%1 constraint scenario. A level in brackets is the highest the unanswered questions could still give.</translation>
        </message>
        <message>
            <source>score ≥ %1; ≥ %2 scenarios at %3 or higher, of which ≥ %4 constraint</source>
            <translation>score ≥ %1; ≥ %2 scenarios at %3 or higher, of which ≥ %4 constraint</translation>
        </message>
        <message>
            <source>score %1; scenarios: %2 (constraint: %3)</source>
            <translation>score %1; scenarios: %2 (constraint: %3)</translation>
        </message>
        <message>
            <source>reached</source>
            <translation>reached</translation>
        </message>
        <message>
            <source>not yet</source>
            <translation>not yet</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Level</translation>
        </message>
        <message>
            <source>Needs</source>
            <translation>Needs</translation>
        </message>
        <message>
            <source>Now</source>
            <translation>Now</translation>
        </message>
        <message>
            <source>Reached</source>
            <translation>Reached</translation>
        </message>
        <message>
            <source>Shortest path to the next level</source>
            <translation>Shortest path to the next level</translation>
        </message>
        <message>
            <source>Shortest path to %1</source>
            <translation>Shortest path to %1</translation>
        </message>
        <message>
            <source>Support</source>
            <translation>Support</translation>
        </message>
        <message>
            <source>Level required</source>
            <translation>Level required</translation>
        </message>
        <message>
            <source>Now → after the project</source>
            <translation>Now → after the project</translation>
        </message>
    </context>
    <context>
        <name>PhotoStrip</name>
        <message>
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
    </context>
    <context>
        <name>PlanView</name>
        <message>
            <source>Roadmap</source>
            <translation>Roadmap</translation>
        </message>
        <message>
            <source>Your own project (framed in blue) and the measures for the prioritized gaps, in the order their prerequisites allow. Tick a measure to add it to the project below; costs are indicative ranges for an SME.</source>
            <translation>Your own project (framed in blue) and the measures for the prioritized gaps, in the order their prerequisites allow. Tick a measure to add it to the project below; costs are indicative ranges for an SME.</translation>
        </message>
        <message>
            <source>Project</source>
            <translation>Project</translation>
        </message>
        <message>
            <source>Planned project:</source>
            <translation>Planned project:</translation>
        </message>
        <message>
            <source>Add item</source>
            <translation>Add item</translation>
        </message>
        <message>
            <source>Remove item</source>
            <translation>Remove item</translation>
        </message>
        <message>
            <source>Delivered by an engineering-service company</source>
            <translation>Delivered by an engineering-service company</translation>
        </message>
        <message>
            <source>Expected effects per year</source>
            <translation>Expected effects per year</translation>
        </message>
        <message>
            <source>Financial assumptions</source>
            <translation>Financial assumptions</translation>
        </message>
        <message>
            <source>Positions redeployed</source>
            <translation>Positions redeployed</translation>
        </message>
        <message>
            <source>Annual cost per worker (with social insurance)</source>
            <translation>Annual cost per worker (with social insurance)</translation>
        </message>
        <message>
            <source>Extra sales from higher output</source>
            <translation>Extra sales from higher output</translation>
        </message>
        <message>
            <source>Margin on the extra sales</source>
            <translation>Margin on the extra sales</translation>
        </message>
        <message>
            <source>Scrap rate before</source>
            <translation>Scrap rate before</translation>
        </message>
        <message>
            <source>Scrap rate after</source>
            <translation>Scrap rate after</translation>
        </message>
        <message>
            <source>Material cost the scrap rate applies to</source>
            <translation>Material cost the scrap rate applies to</translation>
        </message>
        <message>
            <source>Energy saved</source>
            <translation>Energy saved</translation>
        </message>
        <message>
            <source>Added running costs (maintenance, software, power)</source>
            <translation>Added running costs (maintenance, software, power)</translation>
        </message>
        <message>
            <source>Project life (years)</source>
            <translation>Project life (years)</translation>
        </message>
        <message>
            <source>Discount rate</source>
            <translation>Discount rate</translation>
        </message>
        <message>
            <source>Income tax rate</source>
            <translation>Income tax rate</translation>
        </message>
        <message>
            <source>Share of benefits in year 1</source>
            <translation>Share of benefits in year 1</translation>
        </message>
        <message>
            <source>Own funds available for the project</source>
            <translation>Own funds available for the project</translation>
        </message>
        <message>
            <source>Existing loan repayments per year</source>
            <translation>Existing loan repayments per year</translation>
        </message>
        <message>
            <source>10k yuan</source>
            <translation>10k yuan</translation>
        </message>
        <message>
            <source>/year</source>
            <translation>/year</translation>
        </message>
        <message>
            <source>persons</source>
            <translation>persons</translation>
        </message>
        <message>
            <source>The advice data could not be loaded: %1</source>
            <translation>The advice data could not be loaded: %1</translation>
        </message>
        <message>
            <source>Nothing in this period.</source>
            <translation>Nothing in this period.</translation>
        </message>
        <message>
            <source> and %1 more</source>
            <translation> and %1 more</translation>
        </message>
        <message>
            <source>Already in place: %1</source>
            <translation>Already in place: %1</translation>
        </message>
        <message>
            <source>Total investment: %1 (10k yuan)</source>
            <translation>Total investment: %1 (10k yuan)</translation>
        </message>
        <message>
            <source>No items yet: the profile's estimate is %1 (10k yuan). Add the items to detail it.</source>
            <translation>No items yet: the profile's estimate is %1 (10k yuan). Add the items to detail it.</translation>
        </message>
        <message>
            <source>Set by the firm's tax status in the Bank file tab</source>
            <translation>Set by the firm's tax status in the Bank file tab</translation>
        </message>
        <message>
            <source>Leave empty for the general rate of 25%, or choose the firm's tax status in the Bank file tab</source>
            <translation>Leave empty for the general rate of 25%, or choose the firm's tax status in the Bank file tab</translation>
        </message>
        <message>
            <source>The sum of the existing loans listed in the Bank file tab</source>
            <translation>The sum of the existing loans listed in the Bank file tab</translation>
        </message>
        <message>
            <source>Or list the existing loans in the Bank file tab</source>
            <translation>Or list the existing loans in the Bank file tab</translation>
        </message>
        <message>
            <source>%1-%2 (10k yuan, indicative)</source>
            <translation>%1-%2 (10k yuan, indicative)</translation>
        </message>
        <message>
            <source>Your project: %1</source>
            <translation>Your project: %1</translation>
        </message>
        <message>
            <source>(unnamed)</source>
            <translation>(unnamed)</translation>
        </message>
        <message>
            <source>%1 (10k yuan)</source>
            <translation>%1 (10k yuan)</translation>
        </message>
        <message>
            <source>New item</source>
            <translation>New item</translation>
        </message>
    </context>
    <context>
        <name>PortfolioPage</name>
        <message>
            <source>← All assessments</source>
            <translation>← All assessments</translation>
        </message>
        <message>
            <source>Portfolio</source>
            <translation>Portfolio</translation>
        </message>
        <message>
            <source>Export Excel…</source>
            <translation>Export Excel…</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>Export CSV…</translation>
        </message>
        <message>
            <source>Peer benchmarks are shown only when at least this many other firms are comparable</source>
            <translation>Peer benchmarks are shown only when at least this many other firms are comparable</translation>
        </message>
        <message>
            <source>Industry</source>
            <translation>Industry</translation>
        </message>
        <message>
            <source>City</source>
            <translation>City</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>Stage</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <source>To</source>
            <translation>To</translation>
        </message>
        <message>
            <source>Min. peers</source>
            <translation>Min. peers</translation>
        </message>
        <message>
            <source>Stage distribution (by index)</source>
            <translation>Stage distribution (by index)</translation>
        </message>
        <message>
            <source>Mean level by industry</source>
            <translation>Mean level by industry</translation>
        </message>
        <message>
            <source>Select an assessment to see the firm's progress and its peer benchmark</source>
            <translation>Select an assessment to see the firm's progress and its peer benchmark</translation>
        </message>
        <message>
            <source>All</source>
            <translation>All</translation>
        </message>
        <message>
            <source>The filtered assessments and the summary tables, one sheet each</source>
            <translation>The filtered assessments and the summary tables, one sheet each</translation>
        </message>
        <message>
            <source>The filtered assessment list as CSV (UTF-8)</source>
            <translation>The filtered assessment list as CSV (UTF-8)</translation>
        </message>
        <message>
            <source>The fictional sample firm added to explore the program</source>
            <translation>The fictional sample firm added to explore the program</translation>
        </message>
        <message>
            <source>Drafts with fewer than %1% of their required questions answered</source>
            <translation>Drafts with fewer than %1% of their required questions answered</translation>
        </message>
        <message>
            <source>Earlier assessments of a firm that has a newer assessment or a follow-up</source>
            <translation>Earlier assessments of a firm that has a newer assessment or a follow-up</translation>
        </message>
        <message>
            <source>Write the date as YYYY-MM-DD</source>
            <translation>Write the date as YYYY-MM-DD</translation>
        </message>
        <message>
            <source>%1 of %2 assessments</source>
            <translation>%1 of %2 assessments</translation>
        </message>
        <message>
            <source>Include samples (%1)</source>
            <translation>Include samples (%1)</translation>
        </message>
        <message>
            <source>Include drafts under %1% answered (%2)</source>
            <translation>Include drafts under %1% answered (%2)</translation>
        </message>
        <message>
            <source>Include superseded (%1)</source>
            <translation>Include superseded (%1)</translation>
        </message>
        <message>
            <source>samples %1</source>
            <translation>samples %1</translation>
        </message>
        <message>
            <source>drafts %1</source>
            <translation>drafts %1</translation>
        </message>
        <message>
            <source>superseded by a re-assessment %1</source>
            <translation>superseded by a re-assessment %1</translation>
        </message>
        <message>
            <source>Excluded: %1</source>
            <translation>Excluded: %1</translation>
        </message>
        <message>
            <source>, </source>
            <translation>, </translation>
        </message>
        <message>
            <source>Nothing excluded</source>
            <translation>Nothing excluded</translation>
        </message>
        <message>
            <source>%1: index over time</source>
            <translation>%1: index over time</translation>
        </message>
        <message>
            <source>Dimension</source>
            <translation>Dimension</translation>
        </message>
        <message>
            <source>This firm</source>
            <translation>This firm</translation>
        </message>
        <message>
            <source>Peer mean</source>
            <translation>Peer mean</translation>
        </message>
        <message>
            <source>Peer median</source>
            <translation>Peer median</translation>
        </message>
        <message>
            <source>Peer middle half</source>
            <translation>Peer middle half</translation>
        </message>
        <message>
            <source>Below the middle half of the peers</source>
            <translation>Below the middle half of the peers</translation>
        </message>
        <message>
            <source>Above the middle half of the peers</source>
            <translation>Above the middle half of the peers</translation>
        </message>
        <message>
            <source>portfolio</source>
            <translation>portfolio</translation>
        </message>
        <message>
            <source>Export portfolio</source>
            <translation>Export portfolio</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>Writing %1…</source>
            <translation>Writing %1…</translation>
        </message>
        <message>
            <source>Exported to %1</source>
            <translation>Exported to %1</translation>
        </message>
    </context>
    <context>
        <name>ProfileForm</name>
        <message>
            <source>After the change to %1, the %2 questions of the %3 will be hidden; the %4 answers already given are kept and come back when you change back to %5.</source>
            <translation>After the change to %1, the %2 questions of the %3 will be hidden; the %4 answers already given are kept and come back when you change back to %5.</translation>
        </message>
        <message>
            <source>After the change to %1, the %2 questions of the %3 will be hidden (none of them is answered yet); change back to %5 to show them again.</source>
            <translation>After the change to %1, the %2 questions of the %3 will be hidden (none of them is answered yet); change back to %5 to show them again.</translation>
        </message>
        <message>
            <source>After changing %6 to %1, %2 questions will be hidden; the %4 answers already given are kept and come back when you change back to %5.</source>
            <translation>After changing %6 to %1, %2 questions will be hidden; the %4 answers already given are kept and come back when you change back to %5.</translation>
        </message>
        <message>
            <source>Change %1?</source>
            <translation>Change %1?</translation>
        </message>
        <message>
            <source>(empty)</source>
            <translation>(empty)</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>The total of the %1 items of the plan; change them on the Plan tab.</source>
            <translation>The total of the %1 items of the plan; change them on the Plan tab.</translation>
        </message>
    </context>
    <context>
        <name>QuestionCard</name>
        <message>
            <source> (optional)</source>
            <translation> (optional)</translation>
        </message>
        <message>
            <source>Expert check</source>
            <translation>Expert check</translation>
        </message>
        <message>
            <source>Evidence: </source>
            <translation>Evidence: </translation>
        </message>
        <message>
            <source>Not applicable to us (N)</source>
            <translation>Not applicable to us (N)</translation>
        </message>
        <message>
            <source>Last time: </source>
            <translation>Last time: </translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>number</source>
            <translation>number</translation>
        </message>
        <message>
            <source>Type here; it is saved as you type. Ctrl+Enter: next question</source>
            <translation>Type here; it is saved as you type. Ctrl+Enter: next question</translation>
        </message>
    </context>
    <context>
        <name>QuestionnaireView</name>
        <message>
            <source>The total counts the questions that need an answer now (optional ones once answered); follow-up questions add to it when an answer calls for them.</source>
            <translation>The total counts the questions that need an answer now (optional ones once answered); follow-up questions add to it when an answer calls for them.</translation>
        </message>
        <message>
            <source>← Previous part</source>
            <translation>← Previous part</translation>
        </message>
        <message>
            <source>Next part →</source>
            <translation>Next part →</translation>
        </message>
        <message>
            <source>Keys: 1-9 choose · N not applicable · Enter next · Ctrl+J next unanswered</source>
            <translation>Keys: 1-9 choose · N not applicable · Enter next · Ctrl+J next unanswered</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>not applicable</source>
            <translation>not applicable</translation>
        </message>
        <message>
            <source>Answered %1 of %2 questions</source>
            <translation>Answered %1 of %2 questions</translation>
        </message>
        <message>
            <source>Next unanswered (%1)</source>
            <translation>Next unanswered (%1)</translation>
        </message>
        <message>
            <source>All answered: see results</source>
            <translation>All answered: see results</translation>
        </message>
    </context>
    <context>
        <name>ResultsView</name>
        <message>
            <source>Answer the rest</source>
            <translation>Answer the rest</translation>
        </message>
        <message>
            <source>Where each dimension stands, and its next level</source>
            <translation>Where each dimension stands, and its next level</translation>
        </message>
        <message>
            <source>What to improve first</source>
            <translation>What to improve first</translation>
        </message>
        <message>
            <source>Provisional: %1 required questions are not answered yet; unanswered questions are not counted as zero.</source>
            <translation>Provisional: %1 required questions are not answered yet; unanswered questions are not counted as zero.</translation>
        </message>
        <message>
            <source>Where your factory stands</source>
            <translation>Where your factory stands</translation>
        </message>
        <message>
            <source>Not yet determined (at least stage %1)</source>
            <translation>Not yet determined (at least stage %1)</translation>
        </message>
        <message>
            <source>Index %1 / 100 · how the stage is worked out</source>
            <translation>Index %1 / 100 · how the stage is worked out</translation>
        </message>
        <message>
            <source>The index lets strengths make up for weaknesses; the gates show what the firm can rely on everywhere.</source>
            <translation>The index lets strengths make up for weaknesses; the gates show what the firm can rely on everywhere.</translation>
        </message>
        <message>
            <source>Since the assessment of %1:</source>
            <translation>Since the assessment of %1:</translation>
        </message>
        <message>
            <source>index %1</source>
            <translation>index %1</translation>
        </message>
        <message>
            <source>stage by index %1 → %2</source>
            <translation>stage by index %1 → %2</translation>
        </message>
        <message>
            <source>stage by the gates %1 → %2</source>
            <translation>stage by the gates %1 → %2</translation>
        </message>
        <message>
            <source>Expert verification by %1. Owner's own answers: index %2, stage %3. Verified: index %4, stage %5.</source>
            <translation>Expert verification by %1. Owner's own answers: index %2, stage %3. Verified: index %4, stage %5.</translation>
        </message>
        <message>
            <source>Checked %1 of %2 answers (%3%); corrected %4. The other %5 count as the owner gave them.</source>
            <translation>Checked %1 of %2 answers (%3%); corrected %4. The other %5 count as the owner gave them.</translation>
        </message>
        <message>
            <source>No answer has been checked yet. Under each question, tick “Checked on site” once you have seen it, or correct the answer.</source>
            <translation>No answer has been checked yet. Under each question, tick “Checked on site” once you have seen it, or correct the answer.</translation>
        </message>
        <message>
            <source>%1 answers corrected:</source>
            <translation>%1 answers corrected:</translation>
        </message>
        <message>
            <source>Dimension</source>
            <translation>Dimension</translation>
        </message>
        <message>
            <source>Where it stands now</source>
            <translation>Where it stands now</translation>
        </message>
        <message>
            <source>Next level</source>
            <translation>Next level</translation>
        </message>
        <message>
            <source>No gaps to rank yet.</source>
            <translation>No gaps to rank yet.</translation>
        </message>
        <message>
            <source>Every dimension has reached the target stage.</source>
            <translation>Every dimension has reached the target stage.</translation>
        </message>
        <message>
            <source>What to improve first (target stage: %1)</source>
            <translation>What to improve first (target stage: %1)</translation>
        </message>
        <message>
            <source>priority: %1</source>
            <translation>priority: %1</translation>
        </message>
        <message>
            <source>Next level %1: </source>
            <translation>Next level %1: </translation>
        </message>
    </context>
    <context>
        <name>SessionController</name>
        <message>
            <source>The connection to the database server was lost. Your changes are kept on this computer and saved as soon as it is back; Zhigai tries again every %1 seconds.</source>
            <translation>The connection to the database server was lost. Your changes are kept on this computer and saved as soon as it is back; Zhigai tries again every %1 seconds.</translation>
        </message>
        <message>
            <source>Details: %1</source>
            <translation>Details: %1</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>General</source>
            <translation>General</translation>
        </message>
        <message>
            <source>&amp;Interface language</source>
            <translation>&amp;Interface language</translation>
        </message>
        <message>
            <source>Every change made on this computer is recorded under this name in the change history</source>
            <translation>Every change made on this computer is recorded under this name in the change history</translation>
        </message>
        <message>
            <source>Your &amp;name (change history)</source>
            <translation>Your &amp;name (change history)</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Browse…</translation>
        </message>
        <message>
            <source>&amp;Default</source>
            <translation>&amp;Default</translation>
        </message>
        <message>
            <source>&amp;Data folder</source>
            <translation>&amp;Data folder</translation>
        </message>
        <message>
            <source>The assessments, photos and reports' data are kept here, in the file zhigai.sqlite3. A new folder starts empty unless you copy that file there; the old folder is not changed.</source>
            <translation>The assessments, photos and reports' data are kept here, in the file zhigai.sqlite3. A new folder starts empty unless you copy that file there; the old folder is not changed.</translation>
        </message>
        <message>
            <source>This session uses a store chosen at start-up (%1); the folder set here is used from the next normal start.</source>
            <translation>This session uses a store chosen at start-up (%1); the folder set here is used from the next normal start.</translation>
        </message>
        <message>
            <source>Default assessor (used when verifying on site)</source>
            <translation>Default assessor (used when verifying on site)</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>&amp;Name</translation>
        </message>
        <message>
            <source>&amp;Organisation</source>
            <translation>&amp;Organisation</translation>
        </message>
        <message>
            <source>Service &amp;group</source>
            <translation>Service &amp;group</translation>
        </message>
        <message>
            <source>Supports and reports</source>
            <translation>Supports and reports</translation>
        </message>
        <message>
            <source>By the firm's region (national, province, city)</source>
            <translation>By the firm's region (national, province, city)</translation>
        </message>
        <message>
            <source>&amp;Policy catalogue for new assessments</source>
            <translation>&amp;Policy catalogue for new assessments</translation>
        </message>
        <message>
            <source>Same as the interface</source>
            <translation>Same as the interface</translation>
        </message>
        <message>
            <source>&amp;Report language</source>
            <translation>&amp;Report language</translation>
        </message>
        <message>
            <source>Include the &amp;appendix with every answer</source>
            <translation>Include the &amp;appendix with every answer</translation>
        </message>
        <message>
            <source>&amp;Open a report when it is ready</source>
            <translation>&amp;Open a report when it is ready</translation>
        </message>
        <message>
            <source>Reports readable by other &amp;users</source>
            <translation>Reports readable by other &amp;users</translation>
        </message>
        <message>
            <source>Off: a report file is readable by you only (it holds the firm's financial figures)</source>
            <translation>Off: a report file is readable by you only (it holds the firm's financial figures)</translation>
        </message>
        <message>
            <source> firms</source>
            <translation> firms</translation>
        </message>
        <message>
            <source>&amp;Fewest peers for a benchmark</source>
            <translation>&amp;Fewest peers for a benchmark</translation>
        </message>
        <message>
            <source>Peer comparisons (portfolio and report) are shown only when at least this many other firms of the same industry are in the store, so that no single firm can be recognised.</source>
            <translation>Peer comparisons (portfolio and report) are shown only when at least this many other firms of the same industry are in the store, so that no single firm can be recognised.</translation>
        </message>
        <message>
            <source>Data folder</source>
            <translation>Data folder</translation>
        </message>
        <message>
            <source>Enter the assessor's name, or clear the organisation and service group.</source>
            <translation>Enter the assessor's name, or clear the organisation and service group.</translation>
        </message>
        <message>
            <source>The data folder must be a full path, such as %1.</source>
            <translation>The data folder must be a full path, such as %1.</translation>
        </message>
        <message>
            <source>%1 is a file, not a folder.</source>
            <translation>%1 is a file, not a folder.</translation>
        </message>
        <message>
            <source>The folder %1 cannot be created: %2</source>
            <translation>The folder %1 cannot be created: %2</translation>
        </message>
        <message>
            <source>Zhigai cannot write in %1.</source>
            <translation>Zhigai cannot write in %1.</translation>
        </message>
        <message>
            <source>The settings could not be saved: %1</source>
            <translation>The settings could not be saved: %1</translation>
        </message>
    </context>
    <context>
        <name>StoreDialog</name>
        <message>
            <source>The store %1 is damaged or is not a Zhigai store. It was not changed.</source>
            <translation>The store %1 is damaged or is not a Zhigai store. It was not changed.</translation>
        </message>
        <message>
            <source>The store %1 was upgraded by a newer version of Zhigai: this version can read it but not change it. Update Zhigai to change it.</source>
            <translation>The store %1 was upgraded by a newer version of Zhigai: this version can read it but not change it. Update Zhigai to change it.</translation>
        </message>
        <message>
            <source>The shared database %1 is at an older store version. Its administrator must run 'zhigai db upgrade' (it backs the database up, then upgrades it). Nothing was changed.</source>
            <translation>The shared database %1 is at an older store version. Its administrator must run 'zhigai db upgrade' (it backs the database up, then upgrades it). Nothing was changed.</translation>
        </message>
        <message>
            <source>The store %1 is read-only: Zhigai cannot save there.</source>
            <translation>The store %1 is read-only: Zhigai cannot save there.</translation>
        </message>
        <message>
            <source>The file %1 is a database of another program. Zhigai did not touch it.</source>
            <translation>The file %1 is a database of another program. Zhigai did not touch it.</translation>
        </message>
        <message>
            <source>This assessment is no longer in the store %1.</source>
            <translation>This assessment is no longer in the store %1.</translation>
        </message>
        <message>
            <source>The store %1 cannot be used right now.</source>
            <translation>The store %1 cannot be used right now.</translation>
        </message>
        <message>
            <source>The connection to the database server was lost; the change is not saved yet.</source>
            <translation>The connection to the database server was lost; the change is not saved yet.</translation>
        </message>
        <message>
            <source>Someone else saved this assessment after you opened it; your change was not saved.</source>
            <translation>Someone else saved this assessment after you opened it; your change was not saved.</translation>
        </message>
        <message>
            <source>Details: %1</source>
            <translation>Details: %1</translation>
        </message>
        <message>
            <source>Data store</source>
            <translation>Data store</translation>
        </message>
        <message>
            <source>Choose the data store to use.</source>
            <translation>Choose the data store to use.</translation>
        </message>
        <message>
            <source>You can open another store file, or create a new store in a folder of your choice. Nothing in the old file is changed.</source>
            <translation>You can open another store file, or create a new store in a folder of your choice. Nothing in the old file is changed.</translation>
        </message>
        <message>
            <source>Open a store file…</source>
            <translation>Open a store file…</translation>
        </message>
        <message>
            <source>New store in a folder…</source>
            <translation>New store in a folder…</translation>
        </message>
        <message>
            <source>Continue without a store</source>
            <translation>Continue without a store</translation>
        </message>
        <message>
            <source>Open a store file</source>
            <translation>Open a store file</translation>
        </message>
        <message>
            <source>Zhigai store (*.sqlite3 *.db);;All files (*)</source>
            <translation>Zhigai store (*.sqlite3 *.db);;All files (*)</translation>
        </message>
        <message>
            <source>Folder for the new store</source>
            <translation>Folder for the new store</translation>
        </message>
    </context>
    <context>
        <name>SubsidiesModel</name>
        <message>
            <source>Subsidy received %1</source>
            <translation>Subsidy received %1</translation>
        </message>
        <message>
            <source>New subsidy</source>
            <translation>New subsidy</translation>
        </message>
    </context>
    <context>
        <name>SupportsView</name>
        <message>
            <source>Public supports</source>
            <translation>Public supports</translation>
        </message>
        <message>
            <source>Policy catalogues:</source>
            <translation>Policy catalogues:</translation>
        </message>
        <message>
            <source>Use the firm's region</source>
            <translation>Use the firm's region</translation>
        </message>
        <message>
            <source>Choose the national catalogue and those of the firm's province, city and county again</source>
            <translation>Choose the national catalogue and those of the firm's province, city and county again</translation>
        </message>
        <message>
            <source>now</source>
            <translation>now</translation>
        </message>
        <message>
            <source> (historical)</source>
            <translation> (historical)</translation>
        </message>
        <message>
            <source>The advice data could not be loaded: %1</source>
            <translation>The advice data could not be loaded: %1</translation>
        </message>
        <message>
            <source>Chosen by the firm's region.</source>
            <translation>Chosen by the firm's region.</translation>
        </message>
        <message>
            <source>Chosen by hand.</source>
            <translation>Chosen by hand.</translation>
        </message>
        <message>
            <source>Policies are judged as in force on %1, the assessment date.</source>
            <translation>Policies are judged as in force on %1, the assessment date.</translation>
        </message>
        <message>
            <source>Source: %1 (catalogue dated %2)</source>
            <translation>Source: %1 (catalogue dated %2)</translation>
        </message>
        <message>
            <source>No entry of this catalogue is in force on %1; for reference only.</source>
            <translation>No entry of this catalogue is in force on %1; for reference only.</translation>
        </message>
        <message>
            <source>Verify current terms before relying on these.</source>
            <translation>Verify current terms before relying on these.</translation>
        </message>
        <message>
            <source>No policy catalogue is chosen: tick one above, or use the firm's region.</source>
            <translation>No policy catalogue is chosen: tick one above, or use the firm's region.</translation>
        </message>
        <message>
            <source>Estimated subsidies: %1 to %2. The calculator counts the low end, %1.</source>
            <translation>Estimated subsidies: %1 to %2. The calculator counts the low end, %1.</translation>
        </message>
        <message>
            <source>Eligible</source>
            <translation>Eligible</translation>
        </message>
        <message>
            <source>Nearly eligible</source>
            <translation>Nearly eligible</translation>
        </message>
        <message>
            <source>Good to know</source>
            <translation>Good to know</translation>
        </message>
        <message>
            <source>Not eligible</source>
            <translation>Not eligible</translation>
        </message>
        <message>
            <source>Expired — for reference</source>
            <translation>Expired — for reference</translation>
        </message>
        <message>
            <source>No support in force in the chosen catalogues pays a grant whose amount could be estimated: those in force below are loans, guarantees, interest subsidies, services or information.</source>
            <translation>No support in force in the chosen catalogues pays a grant whose amount could be estimated: those in force below are loans, guarantees, interest subsidies, services or information.</translation>
        </message>
        <message>
            <source>Nothing to estimate yet: the project's items include none of the costs these eligible supports pay a share of: %1.</source>
            <translation>Nothing to estimate yet: the project's items include none of the costs these eligible supports pay a share of: %1.</translation>
        </message>
        <message>
            <source>Supports in force that pay an amount: %1, none open to this project yet (%2 nearly eligible: see what is missing below).</source>
            <translation>Supports in force that pay an amount: %1, none open to this project yet (%2 nearly eligible: see what is missing below).</translation>
        </message>
        <message>
            <source>Supports in force that pay an amount: %1, none open to this project (the reasons are below).</source>
            <translation>Supports in force that pay an amount: %1, none open to this project (the reasons are below).</translation>
        </message>
        <message>
            <source>No estimate yet: list the project's items in the Plan tab (or its estimated cost in the profile) to estimate the supports below that pay an amount.</source>
            <translation>No estimate yet: list the project's items in the Plan tab (or its estimated cost in the profile) to estimate the supports below that pay an amount.</translation>
        </message>
        <message>
            <source>No estimate yet: the project's items have no prices. Enter their unit prices in the Plan tab to estimate the supports.</source>
            <translation>No estimate yet: the project's items have no prices. Enter their unit prices in the Plan tab to estimate the supports.</translation>
        </message>
        <message>
            <source>Estimate: %1 to %2</source>
            <translation>Estimate: %1 to %2</translation>
        </message>
        <message>
            <source> (capped)</source>
            <translation> (capped)</translation>
        </message>
        <message>
            <source>To confirm: %1</source>
            <translation>To confirm: %1</translation>
        </message>
        <message>
            <source>Valid until %1: expired on the assessment date, never counted in an estimate.</source>
            <translation>Valid until %1: expired on the assessment date, never counted in an estimate.</translation>
        </message>
        <message>
            <source>It runs in yearly rounds: ask whether a new round is open.</source>
            <translation>It runs in yearly rounds: ask whether a new round is open.</translation>
        </message>
        <message>
            <source>ongoing</source>
            <translation>ongoing</translation>
        </message>
        <message>
            <source>dated %1, valid %2</source>
            <translation>dated %1, valid %2</translation>
        </message>
        <message>
            <source>verify current terms</source>
            <translation>verify current terms</translation>
        </message>
    </context>
    <context>
        <name>Unsaved</name>
        <message>
            <source>Discard your changes?</source>
            <translation>Discard your changes?</translation>
        </message>
        <message>
            <source>&amp;Discard</source>
            <translation>&amp;Discard</translation>
        </message>
        <message>
            <source>&amp;Keep editing</source>
            <translation>&amp;Keep editing</translation>
        </message>
    </context>
    <context>
        <name>WelcomeDialog</name>
        <message>
            <source>Welcome to Zhigai</source>
            <translation>Welcome to Zhigai</translation>
        </message>
        <message>
            <source>Zhigai shows where your factory stands on the way from mechanization to intelligent manufacturing, what to do next, which public supports and financing fit your project, and prints a report your bank can check.</source>
            <translation>Zhigai shows where your factory stands on the way from mechanization to intelligent manufacturing, what to do next, which public supports and financing fit your project, and prints a report your bank can check.</translation>
        </message>
        <message>
            <source>Enter the firm's profile (name, industry, size).</source>
            <translation>Enter the firm's profile (name, industry, size).</translation>
        </message>
        <message>
            <source>Answer the questions: about 20 to 40 minutes; everything is saved as you go, so you can stop and continue later.</source>
            <translation>Answer the questions: about 20 to 40 minutes; everything is saved as you go, so you can stop and continue later.</translation>
        </message>
        <message>
            <source>See the stage, what holds it back and a step-by-step roadmap.</source>
            <translation>See the stage, what holds it back and a step-by-step roadmap.</translation>
        </message>
        <message>
            <source>Plan the project: supports, costs, payback and financing.</source>
            <translation>Plan the project: supports, costs, payback and financing.</translation>
        </message>
        <message>
            <source>Export the PDF report for the bank or the programme office.</source>
            <translation>Export the PDF report for the bank or the programme office.</translation>
        </message>
        <message>
            <source>A sample assessment of a fictional auto-parts supplier has been added so you can look around first. It is marked 【示例】 (sample) and you can delete it at any time.</source>
            <translation>A sample assessment of a fictional auto-parts supplier has been added so you can look around first. It is marked 【示例】 (sample) and you can delete it at any time.</translation>
        </message>
        <message>
            <source>Your &amp;name:</source>
            <translation>Your &amp;name:</translation>
        </message>
        <message>
            <source>Every change made on this computer is recorded under this name in the change history (you can change it in File → Settings).</source>
            <translation>Every change made on this computer is recorded under this name in the change history (you can change it in File → Settings).</translation>
        </message>
        <message>
            <source>Everything works with the keyboard too: Tab moves between fields, number keys choose an answer, Ctrl+1 to Ctrl+8 switch tabs. Help → Welcome and first steps shows this again.</source>
            <translation>Everything works with the keyboard too: Tab moves between fields, number keys choose an answer, Ctrl+1 to Ctrl+8 switch tabs. Help → Welcome and first steps shows this again.</translation>
        </message>
        <message>
            <source>&amp;Explore the sample</source>
            <translation>&amp;Explore the sample</translation>
        </message>
        <message>
            <source>&amp;Start my own assessment</source>
            <translation>&amp;Start my own assessment</translation>
        </message>
    </context>
    <context>
        <name>YearsModel</name>
        <message>
            <source>Financial year %1</source>
            <translation>Financial year %1</translation>
        </message>
        <message>
            <source>At most five financial years can be kept: clear a year that is no longer needed first</source>
            <translation>At most five financial years can be kept: clear a year that is no longer needed first</translation>
        </message>
    </context>
</TS>
