<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n measure(s) with %1 observations</source>
        <translation>
            <numerusform>%n measure with %1 observations</numerusform>
            <numerusform>%n measures with %1 observations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n status update(s)</source>
        <translation>
            <numerusform>%n status update</numerusform>
            <numerusform>%n status updates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cross-link(s)</source>
        <translation>
            <numerusform>%n cross-link</numerusform>
            <numerusform>%n cross-links</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TreeModel</name>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n week</numerusform>
            <numerusform>%n weeks</numerusform>
        </translation>
    </message>
</context>
</TS>
