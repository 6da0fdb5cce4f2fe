<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Ageing</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%1: %n record(s)</source>
        <translation>
            <numerusform>%1: %n record</numerusform>
            <numerusform>%1: %n records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParkInvestmentDialog</name>
    <message numerus="yes">
        <source>Pasted %n cell(s).</source>
        <translation>
            <numerusform>Pasted %n cell.</numerusform>
            <numerusform>Pasted %n cells.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParksTable</name>
    <message numerus="yes">
        <source>%n park(s)</source>
        <translation>
            <numerusform>%n park</numerusform>
            <numerusform>%n parks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Signed, awaiting start: %n project(s), planned %1</source>
        <translation>
            <numerusform>Signed, awaiting start: %n project, planned %1</numerusform>
            <numerusform>Signed, awaiting start: %n projects, planned %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Under construction: %n project(s), planned %1</source>
        <translation>
            <numerusform>Under construction: %n project, planned %1</numerusform>
            <numerusform>Under construction: %n projects, planned %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message numerus="yes">
        <source>%n chain leader(s)</source>
        <translation>
            <numerusform>%n chain leader</numerusform>
            <numerusform>%n chain leaders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n enterprise(s)</source>
        <translation>
            <numerusform>%n enterprise</numerusform>
            <numerusform>%n enterprises</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n little giant(s)</source>
        <translation>
            <numerusform>%n little giant</numerusform>
            <numerusform>%n little giants</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TablePage</name>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
</context>
</TS>
