// Command data_process_go is the data-processing flow of flowc's design document, written in Go
// with flowc's Go SDK: it checks for new data, converts it, then in two parallel branches stores
// it and notifies the data-science team, and joins the branches before it ends. It does what
// examples/data_process/data_process.py does, on the same data:
//
//	flowc run examples/data_process_go --param datasource_path=examples/data_process/input
//
// save_to_db appends the records to $DATA_DB (default data.db.jsonl); the notification goes to
// $NOTIFY_FILE, or to standard output.
package main

import "github.com/flowc-dev/flowc/flow"

// DataProcess is the flow. Its exported fields travel from step to step.
//
//flowc:flow
type DataProcess struct {
	flow.FlowSpec
	// DataSource is the flow's input parameter, available in every step.
	DataSource  string `flow:"param=datasource_path,required" help:"Where the data to process is stored"`
	NewDataPath []string
	NewData     []Record
}

// Start finds the new data files.
//
//flowc:step
func (f *DataProcess) Start() error {
	paths, err := fetchNewData(f.DataSource)
	if err != nil {
		return err
	}
	f.NewDataPath = paths
	f.Next(f.TransformData)
	return nil
}

// TransformData converts the records, then fans out into two parallel branches.
//
//flowc:step
func (f *DataProcess) TransformData() error {
	records, err := convert(f.NewDataPath)
	if err != nil {
		return err
	}
	f.NewData = records
	f.Next(f.SaveToDB, f.NotifyDataScienceTeam)
	return nil
}

// SaveToDB stores the records.
//
//flowc:step
func (f *DataProcess) SaveToDB() error {
	if err := storeData(f.NewData); err != nil {
		return err
	}
	f.Next(f.Join)
	return nil
}

// NotifyDataScienceTeam tells the team that new data is ready.
//
//flowc:step
func (f *DataProcess) NotifyDataScienceTeam() error {
	if err := sendNotification(buildMessage(f.NewData)); err != nil {
		return err
	}
	f.Next(f.Join)
	return nil
}

// Join joins the two parallel branches: notify_data_science_team and save_to_db.
//
//flowc:step
func (f *DataProcess) Join(in flow.Inputs[*DataProcess]) error {
	f.Next(f.End)
	return nil
}

// End ends the flow.
//
//flowc:step
func (f *DataProcess) End() error { return nil }

func main() { flow.Main(new(DataProcess)) }
