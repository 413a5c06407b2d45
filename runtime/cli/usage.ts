export const usage = `Usage: inkflow <command> [options]

Commands:
  validate FLOW.json                       list the flow's errors and warnings
  compile FLOW.json [-o RULES.json]        validate, then print (or write) the json-rules-engine rule set
  simulate FLOW.json|RULES.json EVENT.json [--trace]
                                           print the action plan a deal event gets
  export FLOW.json... [--format json|csv] [-o FILE]
                                           the analysts' export of the flows' rules (default json)

Exit codes: 0 done, 1 the flow has errors (listed), 2 bad command line or unreadable/invalid file.
`;
